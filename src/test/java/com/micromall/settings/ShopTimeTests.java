package com.micromall.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import com.micromall.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The shop's calendar from its zone: 16:30 UTC on 30 November is already December in Shanghai. */
class ShopTimeTests {

    private static final Instant LATE_ON_THE_30TH = Instant.parse("2026-11-30T16:30:00Z");

    @Test
    void aYuanShopIsAlreadyInDecemberWhileUtcIsStillInNovember() {
        ShopTime shanghai = shopTime("CNY", null);
        assertThat(shanghai.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.today()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(shanghai.currentMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(shanghai.monthOf(LATE_ON_THE_30TH)).isEqualTo(YearMonth.of(2026, 12));

        ShopTime utc = shopTime("CNY", ZoneId.of("UTC"));
        assertThat(utc.today()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(utc.currentMonth()).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void aMonthRunsFromMidnightOnItsFirstToMidnightOnTheNextFirstInTheShopsZone() {
        ShopTime shanghai = shopTime("CNY", null);
        assertThat(shanghai.monthStart(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(shanghai.monthEnd(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));

        ShopTime newYork = shopTime("USD", null);
        assertThat(newYork.monthStart(YearMonth.of(2026, 11))).as("EDT until 1 November")
                .isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(newYork.monthEnd(YearMonth.of(2026, 11))).as("EST from then on")
                .isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void datesReadInTheReadersLanguageOnTheShopsCalendar() {
        assertThat(shopTime("CNY", null).date(LATE_ON_THE_30TH, Locale.ENGLISH)).isEqualTo("Dec 1, 2026");
        assertThat(shopTime("CNY", null).date(LATE_ON_THE_30TH, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年12月1日");
        assertThat(shopTime("CNY", ZoneId.of("UTC")).dateTime(LATE_ON_THE_30TH, Locale.ENGLISH))
                .startsWith("Nov 30, 2026").contains("4:30");
        assertThat(shopTime("CNY", null).date(null, Locale.ENGLISH)).isEmpty();
        assertThat(shopTime("CNY", null).forExport(LATE_ON_THE_30TH)).isEqualTo("2026-12-01T00:30:00+08:00");
    }

    private static ShopTime shopTime(String currency, @Nullable ZoneId chosen) {
        ShopSettingsService settings = mock(ShopSettingsService.class);
        given(settings.current()).willReturn(new ShopSettings("Shop", Currency.getInstance(currency), null, null,
                Money.of("0", currency), chosen));
        return new ShopTime(settings, Clock.fixed(LATE_ON_THE_30TH, ZoneOffset.UTC));
    }
}
