package com.micromall.loyalty.points.web;

import com.micromall.loyalty.points.PointsBook;
import com.micromall.loyalty.points.PointsReconciliation;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The points books' check on the owner's distribution reconciliation page, beside the money's: that page belongs to
 * distribution's reporting, which knows nothing of loyalty, so its template shows whatever is here.
 */
@ControllerAdvice
@RequiredArgsConstructor
class PointsReconciliationAdvice {

    private static final String PAGE = "/admin/distribution/reconciliation";

    private final PointsBook book;

    @ModelAttribute("pointsReconciliation")
    @Nullable LayoutValue<PointsReconciliation> pointsReconciliation(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())
                || !PAGE.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return null;
        }
        return LayoutValue.of(book::reconcile);
    }
}
