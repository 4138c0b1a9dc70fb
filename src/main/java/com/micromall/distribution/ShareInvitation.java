package com.micromall.distribution;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A customer's own invitation.
 *
 * @param sharePath the share link without the shop's address, e.g. {@code /r/756MKHG8}
 * @param friendBenefit what a friend gets off their first order through the link
 */
public record ShareInvitation(String code, String sharePath, FriendBenefit friendBenefit) {

    /**
     * The friend's welcome benefit, as the owner set it: {@code percent} off the goods (at most {@code cap} when
     * there is one), or a fixed {@code amount} off.
     */
    public record FriendBenefit(@Nullable BigDecimal percent, @Nullable Money cap, @Nullable Money amount) {
    }
}
