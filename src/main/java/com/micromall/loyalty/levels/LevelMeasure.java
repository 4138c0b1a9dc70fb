package com.micromall.loyalty.levels;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** How to read a level's threshold and a customer's progress: an amount in the shop's currency, or points. */
public record LevelMeasure(LevelBasis basis, Currency currency) {

    public boolean points() {
        return basis == LevelBasis.POINTS;
    }

    /** The figure as an amount, for the spend basis. */
    public Money money(BigDecimal figure) {
        return Money.of(figure, currency);
    }

    /** The figure as whole points, for the points basis. */
    public long wholePoints(BigDecimal figure) {
        return figure.longValue();
    }
}
