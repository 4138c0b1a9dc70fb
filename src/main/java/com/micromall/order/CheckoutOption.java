package com.micromall.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something the buyer may pick at checkout for one discount source (e.g. one of their vouchers). The checkout
 * page lists a source's options under {@code groupKey} as radio buttons named after the source, with a "none"
 * choice first; the picked {@code value} comes back in {@link CheckoutBasket#choices()}.
 *
 * @param unavailableKey why it cannot be picked for this basket (message key with {@code unavailableArgs}), or
 *                       null when it can
 */
public record CheckoutOption(String source, String groupKey, String value, String labelKey, List<String> labelArgs,
                             @Nullable String unavailableKey, List<String> unavailableArgs) {

    public CheckoutOption {
        labelArgs = List.copyOf(labelArgs);
        unavailableArgs = List.copyOf(unavailableArgs);
    }

    public boolean available() {
        return unavailableKey == null;
    }
}
