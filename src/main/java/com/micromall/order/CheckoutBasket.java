package com.micromall.order;

import com.micromall.shared.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a customer is about to buy, as the discount extension point sees it.
 *
 * @param remaining what is left to pay for the goods after the discounts granted by the sources
 *                  asked before this one (sources are asked in their {@code @Order}); a source
 *                  never grants more than this
 * @param granted   the discount lines the sources asked before this one granted, in that order
 * @param choices   what the buyer picked on the checkout page, by source (e.g. which of their vouchers); the
 *                  values are the buyer's input, so a source checks them as it would any request parameter
 */
public record CheckoutBasket(long customerId, List<Line> lines, Money goodsTotal, Money remaining,
                             List<DiscountLine> granted, Map<String, String> choices) {

    /**
     * The source of a price the shop set for this one purchase (a group price): first-order gifts such as the
     * welcome discount do not stack with it; the buyer gets one or the other, and the page says so.
     */
    public static final String SPECIAL_PRICE = "special-price";

    public CheckoutBasket {
        lines = List.copyOf(lines);
        granted = List.copyOf(granted);
        choices = Map.copyOf(choices);
    }

    /** A basket no source has discounted yet, with the buyer's choices. */
    public CheckoutBasket(long customerId, List<Line> lines, Money goodsTotal, Map<String, String> choices) {
        this(customerId, lines, goodsTotal, goodsTotal, List.of(), choices);
    }

    /** A basket no source has discounted yet and nothing chosen. */
    public CheckoutBasket(long customerId, List<Line> lines, Money goodsTotal) {
        this(customerId, lines, goodsTotal, Map.of());
    }

    /** What the buyer picked for this source, if anything. */
    public Optional<String> choice(String source) {
        return Optional.ofNullable(choices.get(source)).filter(value -> !value.isBlank());
    }

    /** Whether a source asked before this one set a special price for this purchase ({@link #SPECIAL_PRICE}). */
    public boolean atSpecialPrice() {
        return granted.stream().anyMatch(line -> line.source().equals(SPECIAL_PRICE));
    }

    public record Line(long productId, int quantity, Money unitPrice, Money lineTotal) {
    }
}
