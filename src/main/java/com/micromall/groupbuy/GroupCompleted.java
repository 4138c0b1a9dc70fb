package com.micromall.groupbuy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A group's orders go ahead: it filled ({@code filled}), or its time ran out and the owner chose to complete unfilled
 * groups at the group price. Each member gets a mail, naming the product in their language.
 *
 * @param productNames the product's name in the shop's other languages, by language code (may be empty)
 */
public record GroupCompleted(long groupId, long productId, String productName, Map<String, String> productNames,
                             List<Long> memberIds, boolean filled, Instant at) {

    public GroupCompleted {
        productNames = productNames == null ? Map.of() : Map.copyOf(productNames); // stored before it carried them
        memberIds = List.copyOf(memberIds);
    }

    public String productNameIn(Locale language) {
        return productNames.getOrDefault(language.toString(), productName);
    }
}
