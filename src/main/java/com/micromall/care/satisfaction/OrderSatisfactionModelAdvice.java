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
 * The order's survey for the order page ({@code orderSurvey}, null when the order has none, e.g. not completed yet):
 * the page asks the question only when there is a survey to answer, shows what the buyer said and asks nobody who
 * answered 0–6 to share. Order's template reads it; order never depends on care.
 */
@ControllerAdvice
@RequiredArgsConstructor
class OrderSatisfactionModelAdvice {

    private static final Pattern ORDER_PAGE = Pattern.compile("/orders/([^/]+)");

    private final SatisfactionSurveys surveys;

    @ModelAttribute("orderSurvey")
    @Nullable LayoutValue<@Nullable OrderSurvey> orderSurvey(@AuthenticationPrincipal @Nullable CustomerPrincipal principal,
                                                             HttpServletRequest request) {
        Matcher page = ORDER_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (principal == null || !"GET".equals(request.getMethod()) || !page.matches()) {
            return null;
        }
        long customerId = principal.getCustomerId();
        String number = page.group(1);
        return LayoutValue.of(() -> surveys.ofCustomer(customerId, number)
                .map(survey -> new OrderSurvey(survey.score())).orElse(null));
    }
}
