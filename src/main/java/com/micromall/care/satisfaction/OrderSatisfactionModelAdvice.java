package com.micromall.care.satisfaction;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The buyer's answer for the order page ({@code satisfactionScore}, null before they answered), so the page shows
 * what they said and asks nobody who answered 0–6 to share. Order's template reads it; order never depends on care.
 */
@ControllerAdvice
@RequiredArgsConstructor
class OrderSatisfactionModelAdvice {

    private static final Pattern ORDER_PAGE = Pattern.compile("/orders/([^/]+)");

    private final SatisfactionSurveys surveys;

    @ModelAttribute("satisfactionScore")
    @Nullable LayoutValue<@Nullable Integer> satisfactionScore(@AuthenticationPrincipal @Nullable CustomerPrincipal principal,
                                                             HttpServletRequest request) {
        Matcher page = ORDER_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (principal == null || !"GET".equals(request.getMethod()) || !page.matches()) {
            return null;
        }
        long customerId = principal.getCustomerId();
        String number = page.group(1);
        return LayoutValue.of(() -> surveys.ofCustomer(customerId, number).map(SatisfactionSurveys.Survey::score)
                .orElse(null));
    }
}
