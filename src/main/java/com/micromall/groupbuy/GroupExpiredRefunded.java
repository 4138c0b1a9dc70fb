package com.micromall.groupbuy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A group did not fill in time and every member's order was refunded in full. Each member gets a mail, naming the
 * product in their language.
 *
 * @param productNames the product's name in the shop's other languages, by language code (may be empty)
 */
public record GroupExpiredRefunded(long groupId, long productId, String productName, Map<String, String> productNames,
                                   List<Long> memberIds, Instant at) {

    public GroupExpiredRefunded {
        productNames = productNames == null ? Map.of() : Map.copyOf(productNames); // stored before it carried them
        memberIds = List.copyOf(memberIds);
    }

    public String productNameIn(Locale language) {
        return productNames.getOrDefault(language.toString(), productName);
    }
}
