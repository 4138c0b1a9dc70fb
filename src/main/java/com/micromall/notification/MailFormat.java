package com.micromall.notification;

import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Formats values in the reader's language inside mail templates: {@code ${fmt.money(total)}},
 * {@code ${fmt.date(paidAt)}}; dates on the shop's calendar, as on its pages.
 */
public final class MailFormat {

    private final Locale locale;
    private final ShopTime shopTime;

    MailFormat(Locale locale, ShopTime shopTime) {
        this.locale = locale;
        this.shopTime = shopTime;
    }

    public String money(@Nullable Money money) {
        return money == null ? "" : money.format(locale);
    }

    public String date(@Nullable Instant instant) {
        return shopTime.date(instant, locale);
    }

    public String dateTime(@Nullable Instant instant) {
        return shopTime.dateTime(instant, locale);
    }
}
