package com.micromall.catalog.internal;

import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What shoppers see of the catalog: categories, product lists, product pages and pictures. */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class Storefront {

    public static final int PAGE_SIZE = 12;

    /** The orders a shopper can pick; ties are broken by id so paging never repeats or skips a product. */
    public enum SortOrder {
        NEWEST(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
        PRICE_ASC(Sort.by(Sort.Order.asc("price"), Sort.Order.asc("id"))),
        PRICE_DESC(Sort.by(Sort.Order.desc("price"), Sort.Order.desc("id")));

        private final Sort sort;

        SortOrder(Sort sort) {
            this.sort = sort;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static SortOrder fromParam(@Nullable String value) {
            for (SortOrder order : values()) {
                if (order.param().equals(value)) {
                    return order;
                }
            }
            return NEWEST;
        }
    }

    private final CategoryList categories;
    private final ProductRepository products;
    private final ProductImageRepository images;
    private final ShopSettingsService settings;

    /**
     * One page of the product list with what the page shows around it, read in one transaction, so the page takes
     * one connection and one BEGIN/COMMIT. An unknown category slug lists nothing.
     */
    public record Listing(@Nullable CategoryView selected, Page<ProductCard> products, List<CategoryView> categories) {
    }

    /** The list page: products on sale in the category with this slug (null or blank = all), page numbers from 0. */
    public Listing listing(@Nullable String categorySlug, @Nullable String query, SortOrder order, int page,
                           Locale language) {
        boolean filtered = categorySlug != null && !categorySlug.isBlank();
        List<CategoryView> all = categories(language);
        CategoryView selected = filtered ? all.stream().filter(category -> category.slug().equals(categorySlug.strip()))
                .findFirst().orElse(null) : null;
        Page<ProductCard> products = filtered && selected == null ? Page.empty()
                : search(selected, query, order, page, PAGE_SIZE, language);
        return new Listing(selected, products, all);
    }

    /** The categories, named in a language where the owner translated them (the main name otherwise). */
    public List<CategoryView> categories(Locale language) {
        return categories.namedIn(CatalogLanguage.lookupCode(language));
    }

    public List<ProductCard> newest(int count, Locale language) {
        return search(null, null, SortOrder.NEWEST, 0, count, language).getContent();
    }

    /**
     * Products on sale, filtered by category (null = all) and by a word in the name or description in any of the
     * shop's languages (case-insensitive), one page at a time (page numbers start at 0), named in the reader's
     * language where translated.
     */
    public Page<ProductCard> search(@Nullable CategoryView category, @Nullable String query, SortOrder order,
                                    int page, int size, Locale language) {
        Page<Object[]> found = products.findOnSale(category == null, category == null ? -1 : category.id(),
                namePattern(query), CatalogLanguage.lookupCode(language),
                PageRequest.of(Math.max(page, 0), size, order.sort));
        Currency currency = settings.current().currency();
        return found.map(row -> {
            Product p = (Product) row[0];
            return new ProductCard(p.getId(), or((String) row[2], p.getName()), Money.of(p.getPrice(), currency),
                    imageUrlOrNull((Long) row[1]), p.getStock(), StockState.of(p.getStock()));
        });
    }

    /** A product on sale in the reader's language (field by field, the main text where not translated). */
    public Optional<ProductDetails> details(long productId, Locale language) {
        Currency currency = settings.current().currency();
        return products.findWithCategoryIn(productId, CatalogLanguage.lookupCode(language)).stream()
                .filter(row -> !((Product) row[0]).isArchived())
                .findFirst()
                .map(row -> {
                    Product p = (Product) row[0];
                    Category category = p.getCategory();
                    return new ProductDetails(p.getId(), or((String) row[1], p.getName()),
                            or((String) row[2], p.getDescription()), Money.of(p.getPrice(), currency), p.getStock(),
                            StockState.of(p.getStock()),
                            category == null ? null : CategoryView.of(category, (String) row[3]),
                            images.findImageIds(p.getId()).stream().map(Storefront::imageUrl).toList());
                });
    }

    private static @Nullable String or(@Nullable String translated, @Nullable String main) {
        return translated != null ? translated : main;
    }

    public Optional<StoredImage> image(long imageId) {
        return images.findById(imageId).map(i -> new StoredImage(i.getId(), i.getContentType(), i.getData()));
    }

    /** A LIKE pattern matching texts that contain the query; % and _ typed by the shopper match literally. */
    static String namePattern(@Nullable String query) {
        if (query == null || query.isBlank()) {
            return "%";
        }
        String escaped = query.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static String imageUrl(long imageId) {
        return "/images/products/" + imageId;
    }

    private static @Nullable String imageUrlOrNull(@Nullable Long imageId) {
        return imageId == null ? null : imageUrl(imageId);
    }
}
