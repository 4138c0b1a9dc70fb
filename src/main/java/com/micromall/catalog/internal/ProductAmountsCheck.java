package com.micromall.catalog.internal;

import com.micromall.settings.CurrencyChangeCheck;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prices and fixed commissions are read back at the shop currency's scale: the shop may switch currency only when
 * every product's amounts fit it. Archived products count too, because the owner's list still shows them.
 */
@Component
@RequiredArgsConstructor
class ProductAmountsCheck implements CurrencyChangeCheck {

    private final JdbcClient jdbc;

    @Override
    public List<MessageSourceResolvable> problemsSwitchingTo(Currency target) {
        record Counts(long prices, long fixedCommissions) {
        }
        Counts counts = jdbc.sql("""
                SELECT COUNT(*) FILTER (WHERE price <> ROUND(price, :scale)) AS prices,
                       COUNT(*) FILTER (WHERE commission_fixed_amount <> ROUND(commission_fixed_amount, :scale)) AS fixed
                FROM product""")
                .param("scale", CurrencyChangeCheck.scaleOf(target))
                .query((rs, i) -> new Counts(rs.getLong("prices"), rs.getLong("fixed")))
                .single();
        List<MessageSourceResolvable> problems = new ArrayList<>();
        if (counts.prices() > 0) {
            problems.add(problem("catalog.currency.blocked.prices", counts.prices()));
        }
        if (counts.fixedCommissions() > 0) {
            problems.add(problem("catalog.currency.blocked.fixedCommissions", counts.fixedCommissions()));
        }
        return problems;
    }

    private static MessageSourceResolvable problem(String code, long count) {
        return new DefaultMessageSourceResolvable(new String[] {code}, new Object[] {count});
    }
}
