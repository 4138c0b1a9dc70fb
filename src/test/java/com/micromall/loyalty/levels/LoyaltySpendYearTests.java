package com.micromall.loyalty.levels;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A level's year, the window its spend is counted in and the period it is held for, is a year on the shop's calendar:
 * in a shop in Shanghai the year before 00:30 on February 29 starts at 00:30 on February 28, not at UTC's.
 */
@MicromallTest
class LoyaltySpendYearTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired LoyaltySpend spend;
    @Autowired ShopSettingsService shopSettings;

    @Nullable ZoneId zoneBefore;

    @BeforeEach
    void shopInShanghai() {
        RequestContextHolder.resetRequestAttributes();
        zoneBefore = shopSettings.current().chosenTimeZone();
        shopZone(SHANGHAI);
    }

    @AfterEach
    void restore() {
        shopZone(zoneBefore);
    }

    @Test
    void theYearAroundTheShopsLeapDayIsCountedOnTheShopsCalendar() {
        // February 29, 2028, 00:30 in Shanghai: still February 28 in UTC.
        Instant leapDay = Instant.parse("2028-02-28T16:30:00Z");
        assertThat(spend.yearBefore(leapDay)).as("February 28, 2027, 00:30 in Shanghai")
                .isEqualTo(Instant.parse("2027-02-27T16:30:00Z"));

        // March 1, 2027, 00:30 in Shanghai: held until March 1, 2028, 00:30 there, the day after the leap day.
        Instant firstOfMarch = Instant.parse("2027-02-28T16:30:00Z");
        assertThat(spend.yearAfter(firstOfMarch)).as("March 1, 2028, 00:30 in Shanghai")
                .isEqualTo(Instant.parse("2028-02-29T16:30:00Z"));
    }

    @Test
    void theRollingSpendStartsExactlyAYearBackOnTheShopsCalendar() {
        Currency currency = shopSettings.current().currency();
        long customer = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Instant now = Instant.parse("2028-02-28T17:00:00Z"); // February 29, 01:00 in Shanghai
        // 00:45 and 01:30 on February 28, 2027 in Shanghai: the year back from 01:00 counts the second only, where
        // UTC's year (from 17:00 UTC on February 28, 2027, a day later) would count neither.
        completed(customer, "30.00", currency, Instant.parse("2027-02-27T16:45:00Z"));
        completed(customer, "12.00", currency, Instant.parse("2027-02-27T17:30:00Z"));

        assertThat(spend.rollingSpendOf(customer, now, currency).amount()).isEqualByComparingTo("12.00");
    }

    private void completed(long customer, String amount, Currency currency, Instant at) {
        long order = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Money paid = Money.of(amount, currency.getCurrencyCode());
        assertThat(spend.recordCompleted(new OrderCompleted(order, "MM-YEAR-" + order, customer, at,
                List.of(new OrderLineSnapshot(1L, 1L, "Year Tea", 1, paid, paid, paid))))).isTrue();
    }

    private void shopZone(@Nullable ZoneId zone) {
        ShopSettings current = shopSettings.current();
        shopSettings.update(new ShopSettingsChange(current.shopName(), current.currency(), current.contactEmail(),
                current.contactPhone(), current.shippingFee().amount(), zone), "test");
    }
}
