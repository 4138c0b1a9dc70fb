package com.micromall.shared.web;

import com.micromall.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats money in the visitor's language on pages: {@code ${@money.format(price)}}. */
@Component("money")
public class MoneyFormat {

    public String format(@Nullable Money money) {
        return money == null ? "" : money.format(LocaleContextHolder.getLocale());
    }
}
