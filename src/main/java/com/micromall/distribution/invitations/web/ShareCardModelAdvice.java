package com.micromall.distribution.invitations.web;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.web.LayoutValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The share moment: right after a purchase, the order confirmation and the buyer's order page show the buyer's own
 * share card (link, QR code, the owner's texts, what a friend gets; never what the sharer earns), from the same
 * source as the order mails ({@link ShareInvitations}). A buyer who cannot share yet is invited to apply where the
 * owner approves sharers, and shown nothing otherwise. The order templates show whatever is here, so order never
 * depends on distribution; only those two pages cost a query, and only when rendered.
 */
@ControllerAdvice
@RequiredArgsConstructor
class ShareCardModelAdvice {

    private static final Pattern ORDER_PAGE = Pattern.compile("/orders/[^/]+(/confirmation)?");

    private final ShareInvitations invitations;
    private final DistributorEnrolment enrolment;
    private final DistributionSettingsService settings;

    /**
     * What the card shows: the buyer's link, the owner's texts with the link in them and the friend's benefit as a
     * message key with its arguments; or, with {@code apply}, only the invitation to apply.
     */
    record ShareCard(boolean apply, @Nullable String link, List<String> texts, @Nullable String benefitKey,
                     Object[] benefitArgs) {

        static ShareCard applyToShare() {
            return new ShareCard(true, null, List.of(), null, new Object[0]);
        }
    }

    @ModelAttribute("shareCard")
    @Nullable LayoutValue<@Nullable ShareCard> shareCard(@AuthenticationPrincipal @Nullable CustomerPrincipal principal,
                                                        HttpServletRequest request) {
        if (principal == null || !"GET".equals(request.getMethod())
                || !ORDER_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()) {
            return null;
        }
        long customerId = principal.getCustomerId();
        return LayoutValue.of(() -> card(customerId, LocaleContextHolder.getLocale()));
    }

    private @Nullable ShareCard card(long customerId, Locale locale) {
        ShareInvitation invitation = invitations.invitationOf(customerId).orElse(null);
        if (invitation != null) {
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(invitation.sharePath())
                    .toUriString();
            ShareInvitation.FriendBenefit benefit = invitation.friendBenefit();
            String key = null;
            Object[] args = new Object[0];
            if (benefit.amount() != null) {
                key = "mail.share.benefit.fixed";
                args = new Object[] {benefit.amount().format(locale)};
            } else if (benefit.percent() != null) {
                key = benefit.cap() == null ? "mail.share.benefit.percent" : "mail.share.benefit.percentCapped";
                args = new Object[] {benefit.percent().toPlainString(),
                        benefit.cap() == null ? "" : benefit.cap().format(locale)};
            }
            return new ShareCard(false, link, settings.current().shareTextsWith(link), key, args);
        }
        boolean mayApply = settings.current().enrolmentRule() == DistributionSettings.EnrolmentRule.APPROVAL
                && enrolment.find(customerId).isEmpty();
        return mayApply ? ShareCard.applyToShare() : null;
    }
}
