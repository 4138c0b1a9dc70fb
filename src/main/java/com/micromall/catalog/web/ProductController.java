package com.micromall.catalog.web;

import com.micromall.catalog.internal.CategoryView;
import com.micromall.catalog.internal.ProductCard;
import com.micromall.catalog.internal.Storefront;
import com.micromall.catalog.internal.Storefront.Listing;
import com.micromall.catalog.internal.Storefront.SortOrder;
import com.micromall.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The shopper's product list (filter, search, sort, pages) and product page. */
@Controller
@RequiredArgsConstructor
class ProductController {

    private final Storefront storefront;

    /** A link on the list page: a page number or a sort choice, with the other filters kept. */
    record Link(String label, String url, boolean current) {
    }

    @GetMapping("/products")
    String list(@RequestParam(required = false) @Nullable String category,
                @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable String sort,
                @RequestParam(required = false) @Nullable String page,
                Locale locale, Model model) {
        SortOrder order = SortOrder.fromParam(sort);
        String query = q == null ? "" : q.strip();
        int pageNumber = pageNumber(page);
        Listing listing = storefront.listing(category, query, order, pageNumber - 1, locale);
        CategoryView selected = listing.selected();
        Page<ProductCard> products = listing.products();

        String categorySlug = selected == null ? null : selected.slug();
        List<Link> pages = new ArrayList<>();
        for (int n = 1; n <= products.getTotalPages(); n++) {
            pages.add(new Link(Integer.toString(n), url(categorySlug, query, order, n), n == pageNumber));
        }
        List<Link> sorts = new ArrayList<>();
        for (SortOrder option : SortOrder.values()) {
            sorts.add(new Link("catalog.sort." + option.param(), url(categorySlug, query, option, 1), option == order));
        }
        model.addAttribute("categories", listing.categories());
        model.addAttribute("selectedCategory", selected);
        model.addAttribute("query", query);
        model.addAttribute("sort", order.param());
        model.addAttribute("products", products);
        model.addAttribute("pages", pages);
        model.addAttribute("sorts", sorts);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("previousUrl", pageNumber > 1 ? url(categorySlug, query, order, pageNumber - 1) : null);
        model.addAttribute("nextUrl", pageNumber < products.getTotalPages()
                ? url(categorySlug, query, order, pageNumber + 1) : null);
        return "catalog/products";
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable String id, Locale locale, Model model) {
        long productId = Ids.parse(id);
        model.addAttribute("product", storefront.details(productId, locale)
                .orElseThrow(() -> new NotFoundException("no product on sale with id " + productId)));
        return "catalog/product";
    }

    /** Page numbers start at 1 for people; anything unreadable means the first page. */
    private static int pageNumber(@Nullable String page) {
        try {
            return page == null ? 1 : Math.max(1, Math.min(Integer.parseInt(page.strip()), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String url(@Nullable String category, String query, SortOrder order, int page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/products");
        if (category != null) {
            builder.queryParam("category", category);
        }
        if (!query.isEmpty()) {
            builder.queryParam("q", query);
        }
        if (order != SortOrder.NEWEST) {
            builder.queryParam("sort", order.param());
        }
        if (page > 1) {
            builder.queryParam("page", page);
        }
        return builder.encode().build().toUriString();
    }
}
