package com.micromall.groupbuy;

import com.micromall.shared.Money;

/** A product's "buy together" terms as the owner sets them and the product page shows them. */
public record GroupOfferTerms(long productId, boolean enabled, int groupSize, Money groupPrice, int timeLimitHours,
                              OnExpiry onExpiry) {

    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 5;
    public static final int DEFAULT_HOURS = 24;
    public static final int MAX_HOURS = 24 * 7;
}
