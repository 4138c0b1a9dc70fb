package com.micromall.customer.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates on customer pages in the viewer's language: {@code ${@customerDates.date(instant)}}. */
@Component("customerDates")
public class CustomerDates {

    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(ZoneId.systemDefault())
                .format(instant);
    }
}
