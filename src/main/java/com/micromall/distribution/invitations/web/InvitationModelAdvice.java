package com.micromall.distribution.invitations.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.invitations.Invitations;
import com.micromall.distribution.invitations.Invitations.Invitation;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Shop pages greet an invited visitor ("Anna invited you — 10 % off your first order") while the
 * attribution cookie holds an active distributor's code, and a logged-in customer only until they
 * are bound or have ordered. Owner pages never do.
 */
@ControllerAdvice
@RequiredArgsConstructor
class InvitationModelAdvice {

    private final Invitations invitations;

    /** The banner's message key and its arguments, money already formatted in the visitor's language. */
    record InvitationBanner(String messageKey, Object[] args) {
    }

    @ModelAttribute("invitation")
    @Nullable LayoutValue<@Nullable InvitationBanner> invitation(
            @CookieValue(name = ReferralAttribution.COOKIE, required = false) @Nullable String code,
            @AuthenticationPrincipal @Nullable CustomerPrincipal principal, HttpServletRequest request) {
        if (code == null || request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
            return null;
        }
        Long customerId = principal == null ? null : principal.getCustomerId();
        return LayoutValue.of(() -> invitations.forCode(code, customerId)
                .map(invitation -> banner(invitation, LocaleContextHolder.getLocale())).orElse(null));
    }

    static InvitationBanner banner(Invitation invitation, Locale locale) {
        return new InvitationBanner(invitation.messageKey(), new Object[] {invitation.sharerFirstName(),
                Objects.requireNonNullElse(invitation.percent(), ""),
                invitation.amount() == null ? "" : invitation.amount().format(locale),
                invitation.cap() == null ? "" : invitation.cap().format(locale)});
    }
}
