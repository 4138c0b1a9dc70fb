package com.micromall.order;

import com.micromall.shared.Money;
import java.util.List;

/**
 * A discount offered at checkout: {@code amount} is positive and is taken off the goods total.
 * {@code labelKey} + {@code labelArgs} are a message key and its arguments, so the line is shown
 * in the buyer's language; {@code source} names who granted it (e.g. "welcome", "store-credit").
 */
public record DiscountLine(String source, String labelKey, List<String> labelArgs, Money amount) {
}
