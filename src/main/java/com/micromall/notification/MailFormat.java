package com.micromall.notification;

import com.micromall.shared.Money;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formats values in the reader's language inside mail templates: {@code ${fmt.money(total)}}. */
public final class MailFormat {

    private final Locale locale;

    MailFormat(Locale locale) {
        this.locale = locale;
    }

    public String money(@Nullable Money money) {
        return money == null ? "" : money.format(locale);
    }
}
