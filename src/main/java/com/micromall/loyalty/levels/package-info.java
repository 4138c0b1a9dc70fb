/**
 * VIP member levels: the owner's levels (name, threshold, member discount), each customer's level from the goods they
 * paid for (in a rolling 12 months or in all) or the points they earned in a rolling 12 months, refunds taken off: the
 * owner picks which, and the points module answers {@link com.micromall.loyalty.levels.EarnedPoints}; the member discount at checkout and on product pages, and
 * the level with the progress to the next on the account page. A level reached is held for 12 months; only the
 * nightly recompute moves a customer down, and only once that period is over. Announces a move up with
 * {@link com.micromall.loyalty.MemberLevelReached}.
 */
@ApplicationModule(displayName = "Loyalty: member levels",
        allowedDependencies = {"loyalty", "shared", "settings", "customer", "order"})
@NullMarked
package com.micromall.loyalty.levels;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
