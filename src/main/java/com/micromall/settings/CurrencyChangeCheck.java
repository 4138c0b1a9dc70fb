package com.micromall.settings;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * Implemented by every module that keeps amounts in the shop's currency: what would stop the shop from switching to
 * another currency. Amounts are stored as they were typed and read back at the currency's scale, so a price of 12.50
 * cannot exist in a currency without cents; the owner is told which amounts to change first instead of a broken shop.
 */
public interface CurrencyChangeCheck {

    /** One translatable message per kind of amount that {@code target} cannot hold; empty when nothing blocks. */
    List<MessageSourceResolvable> problemsSwitchingTo(Currency target);

    /** Whether {@code amount} has more decimals than {@code currency} allows. */
    static boolean tooPreciseFor(Currency currency, BigDecimal amount) {
        return amount.stripTrailingZeros().scale() > scaleOf(currency);
    }

    /** The decimals {@code currency} allows (0 for JPY, 2 for CNY). */
    static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
