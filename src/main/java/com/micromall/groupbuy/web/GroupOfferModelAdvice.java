package com.micromall.groupbuy.web;

import com.micromall.groupbuy.GroupBuying;
import com.micromall.groupbuy.GroupOfferTerms;
import com.micromall.groupbuy.GroupView;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The "buy together" box on a product page: the catalog template includes {@code groupbuy/buy-together} and shows
 * whatever is here, so the catalog never knows this module. Looked up only when a product page is rendered.
 */
@ControllerAdvice
@RequiredArgsConstructor
class GroupOfferModelAdvice {

    private static final Pattern PRODUCT_PAGE = Pattern.compile("/products/(\\d{1,18})");

    /** The product's offer and the groups one can still join, up to three. */
    record ProductGroups(GroupOfferTerms offer, List<GroupView> openGroups) {
    }

    private final GroupBuying groupBuying;

    @ModelAttribute("productGroups")
    @Nullable LayoutValue<@Nullable ProductGroups> productGroups(HttpServletRequest request) {
        Matcher page = PRODUCT_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"GET".equals(request.getMethod()) || !page.matches()) {
            return null;
        }
        long productId = Long.parseLong(page.group(1));
        return LayoutValue.of(() -> groupBuying.offerOf(productId)
                .map(offer -> new ProductGroups(offer, groupBuying.openGroupsOf(productId).stream()
                        .filter(g -> g.placesLeft() > 0).limit(3).toList()))
                .orElse(null));
    }
}
