package com.micromall.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The shop's clock: which day and month it is in the shop, where a month starts and ends, and how a moment reads on
 * a page or in a mail. Every date the shop shows or counts by comes from here, so the owner's time zone decides them
 * all. Pages format with {@code ${@shopTime.dateTime(order.placedAt)}} or {@code ${@shopTime.date(...)}}.
 */
@Component("shopTime")
@RequiredArgsConstructor
public class ShopTime {

    /**
     * The zone, kept for a few seconds: a share-link click, a mail or a commission's budget check would otherwise each
     * read the settings row once more (a click is pinned at three statements) for a value that hardly ever changes.
     * A save here forgets it at once and again when its transaction ends, so a rolled-back change does not linger.
     */
    private static final Duration KEPT = Duration.ofSeconds(10);

    private final ShopSettingsService settings;
    private final Clock clock;
    private final Cache<Class<ShopTime>, ZoneId> kept = Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(1).build();

    public ZoneId zone() {
        return kept.get(ShopTime.class, key -> settings.current().timeZone());
    }

    @EventListener
    void forgetZone(ShopSettingsChanged changed) {
        kept.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    kept.invalidateAll();
                }
            });
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone()));
    }

    /** The first moment of {@code month} in the shop. */
    public Instant monthStart(YearMonth month) {
        return startOfDay(month.atDay(1));
    }

    /** The first moment after {@code month} in the shop (the next month's start), for half-open ranges. */
    public Instant monthEnd(YearMonth month) {
        return monthStart(month.plusMonths(1));
    }

    /** The first moment of {@code day} in the shop. */
    public Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The shop's day {@code instant} falls on. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    /** The shop's month {@code instant} falls in. */
    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(dayOf(instant));
    }

    /** A day in the reader's language (page or mail): "4 Dec 2026", "2026年12月4日". */
    public String date(@Nullable Instant instant) {
        return date(instant, LocaleContextHolder.getLocale());
    }

    public String date(@Nullable Instant instant, Locale locale) {
        return format(instant, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM), locale);
    }

    /** A day and time of day in the reader's language, both in the shop's zone. */
    public String dateTime(@Nullable Instant instant) {
        return dateTime(instant, LocaleContextHolder.getLocale());
    }

    public String dateTime(@Nullable Instant instant, Locale locale) {
        return format(instant, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT), locale);
    }

    /** A moment in a file for other programs (CSV exports): ISO 8601 with the shop's offset, "2026-12-01T00:30:00+08:00". */
    public String forExport(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone()).format(instant);
    }

    /** A formatter for pages that lay out many dates their own way (timelines, exports), in the shop's zone. */
    public DateTimeFormatter formatter(DateTimeFormatter pattern) {
        return pattern.withZone(zone());
    }

    private String format(@Nullable Instant instant, DateTimeFormatter style, Locale locale) {
        return instant == null ? "" : style.withLocale(locale).withZone(zone()).format(instant);
    }
}
