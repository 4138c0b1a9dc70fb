package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Points run out the owner's number of months after they were earned on the shop's calendar, not on UTC's: in a
 * shop in Shanghai, points earned just after midnight on the 1st run out just after midnight on a later 1st.
 */
@MicromallTest
class PointsExpiryTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired PointsBook book;
    @Autowired PointsSettingsService pointsSettings;
    @Autowired ShopSettingsService shopSettings;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    PointsTestSettings terms;
    @Nullable ZoneId zoneBefore;

    @BeforeEach
    void shopInShanghai() {
        // Settings are read as code outside a web request reads them, fresh after each change.
        RequestContextHolder.resetRequestAttributes();
        terms = new PointsTestSettings(pointsSettings);
        zoneBefore = shopSettings.current().chosenTimeZone();
        shopZone(SHANGHAI);
    }

    @AfterEach
    void restore() {
        terms.restore();
        shopZone(zoneBefore);
    }

    @Test
    void pointsEarnedOnTheShopsFirstOfMarchRunOutOnItsFirstOfApril() {
        terms.on("1", 0, "0.01", "50", 1);
        TestCustomer buyer = new OrderFixtures(jdbc, encoder).customer(OrderFixtures.unique("Expiry Ema"));
        // 00:30 on March 1 in Shanghai is still February 28 in UTC, whose month ahead would end on March 28.
        Instant completedAt = Instant.parse("2026-02-28T16:30:00Z");
        long orderId = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Money paid = Money.of("120.00", shopSettings.current().currency().getCurrencyCode());
        OrderCompleted completed = new OrderCompleted(orderId, "MM-EXPIRY-" + orderId, buyer.id(), completedAt,
                List.of(new OrderLineSnapshot(1L, 1L, "Expiry Tea", 1, paid, paid, paid)));

        transactions.executeWithoutResult(s -> events.publishEvent(completed));

        Instant expiresAt = await().atMost(Duration.ofSeconds(15)).until(() -> expiryOfEarned(orderId), Optional::isPresent)
                .orElseThrow();
        assertThat(expiresAt).as("April 1, 00:30 in Shanghai").isEqualTo(Instant.parse("2026-03-31T16:30:00Z"));
        assertThat(expiresAt.atZone(SHANGHAI).toLocalDateTime()).hasToString("2026-04-01T00:30");
    }

    @Test
    void aMonthFromTheShopsLastOfJanuaryEndsOnItsLastOfFebruary() {
        terms.on("1", 0, "0.01", "50", 1);
        // January 31, 00:30 in Shanghai; UTC's January 30 would run out on UTC's February 28 instead.
        Instant earnedAt = Instant.parse("2026-01-30T16:30:00Z");

        assertThat(book.expiry(pointsSettings.current(), earnedAt)).as("February 28, 00:30 in Shanghai")
                .isEqualTo(Instant.parse("2026-02-27T16:30:00Z"));
    }

    private Optional<Instant> expiryOfEarned(long orderId) {
        return jdbc.sql("SELECT expires_at FROM loyalty_points_entry WHERE order_id = :o AND kind = 'EARNED'")
                .param("o", orderId).query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    private void shopZone(@Nullable ZoneId zone) {
        ShopSettings current = shopSettings.current();
        shopSettings.update(new ShopSettingsChange(current.shopName(), current.currency(), current.contactEmail(),
                current.contactPhone(), current.shippingFee().amount(), zone), "test");
    }
}
