package com.micromall.distribution.invitations.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.DistributorStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Share &amp; earn" on a product page for an ACTIVE distributor: their product link
 * {@code /r/{code}?next=/products/{id}}. The catalog template shows it when the attribute is there, so
 * catalog never depends on distribution. Only product pages of logged-in customers cost a query.
 */
@ControllerAdvice
@RequiredArgsConstructor
class ShareBoxModelAdvice {

    private static final Pattern PRODUCT_PAGE = Pattern.compile("/products/(\\d+)");

    private final DistributorEnrolment enrolment;

    /** The product link to copy. */
    record ShareBox(String link) {
    }

    @ModelAttribute("shareBox")
    @Nullable ShareBox shareBox(@AuthenticationPrincipal @Nullable CustomerPrincipal principal, HttpServletRequest request) {
        if (principal == null || !"GET".equals(request.getMethod())) {
            return null;
        }
        Matcher product = PRODUCT_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!product.matches()) {
            return null;
        }
        return enrolment.find(principal.getCustomerId()).filter(d -> d.status() == DistributorStatus.ACTIVE)
                .map(d -> new ShareBox(ServletUriComponentsBuilder.fromCurrentContextPath().path("/r/{code}")
                        .queryParam("next", "/products/" + product.group(1)).buildAndExpand(d.code()).toUriString()))
                .orElse(null);
    }
}
