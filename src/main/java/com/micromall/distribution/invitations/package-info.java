/**
 * What an invitation says: the banner an invited visitor sees (the sharer's first name and the welcome gift, never
 * the sharer's commission), the welcome gift's terms ({@link com.micromall.distribution.invitations.WelcomeGift},
 * which a running experiment may change through {@link com.micromall.distribution.invitations.SharerTerms}), the
 * share box and share card a distributor sees, the buyer's own share link for order mails, and the page where a
 * customer names who invited them. Asks {@code referral} who is a distributor and who is bound; knows nothing of
 * money ({@code policy → invitations → referral}).
 */
@ApplicationModule(displayName = "Distribution: invitations",
        allowedDependencies = {"distribution", "shared", "settings", "customer", "order", "distribution.referral"})
@NullMarked
package com.micromall.distribution.invitations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
