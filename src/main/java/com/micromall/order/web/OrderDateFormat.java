package com.micromall.order.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Order times on pages, in the visitor's language: {@code ${@orderDates.format(order.placedAt)}}. */
@Component("orderDates")
class OrderDateFormat {

    public String format(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(AdminOrderController.SHOP_ZONE).format(instant);
    }
}
