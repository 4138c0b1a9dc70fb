package com.micromall.distribution.referral.web;

import com.micromall.customer.ReferralAttribution;
import com.micromall.distribution.referral.Invitations;
import com.micromall.shared.web.GuestBanner;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The invited guest's banner on a kept guest page: the same fragment and figures the layout shows
 * through {@link InvitationModelAdvice}, so the friend who taps a share link is served the kept page.
 */
@Component
@RequiredArgsConstructor
class InvitationGuestBanner implements GuestBanner {

    private final Invitations invitations;
    private final ITemplateEngine templates;

    @Override
    public String cookie() {
        return ReferralAttribution.COOKIE;
    }

    @Override
    public String html(String code, Locale locale) {
        return invitations.forCode(code, null)
                .map(invitation -> templates.process("distribution/invitation", Set.of("banner"),
                        new Context(locale, Map.of("invitation", InvitationModelAdvice.banner(invitation, locale)))))
                .orElse("");
    }
}
