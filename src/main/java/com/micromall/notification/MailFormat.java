package com.micromall.notification;

import com.micromall.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formats values in the reader's language inside mail templates: {@code ${fmt.money(total)}}, {@code ${fmt.date(at)}}. */
public final class MailFormat {

    private final Locale locale;
    private final ZoneId zone;

    MailFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String money(@Nullable Money money) {
        return money == null ? "" : money.format(locale);
    }

    /** A day as the reader writes it (e.g. "Dec 18, 2026", "2026年12月18日"), in the shop's time zone. */
    public String date(@Nullable Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(instant);
    }
}
