package com.micromall.loyalty.points;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerSearch;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The demo shop's points (embedded default only): switched on before the demo orders (16 < 30), so their completion
 * earns points as a real shop's would; after the vouchers (46 > 45) some history for Anna, Ben and Chen - points from
 * earlier orders, some running out within a month, a voucher traded for points, a refund's reversal - with the
 * thank-you voucher offered for 500 points, and the two cheapest products as gifts for points.
 */
@Configuration
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoPoints {

    private static final Logger log = LoggerFactory.getLogger(DemoPoints.class);

    private final PointsSettingsService settings;
    private final PointsBook book;
    private final PointsRewards rewards;
    private final PointsGifts gifts;
    private final VoucherIssuing vouchers;
    private final CustomerApi customers;
    private final Clock clock;

    @Bean
    @Order(16)
    ApplicationRunner demoPointsTerms() {
        return args -> {
            PointsSettings current = settings.current();
            if (current.version() > 0) {
                return;
            }
            settings.update(new PointsSettings(true, BigDecimal.ONE, 100, new BigDecimal("0.01"), new BigDecimal("30"),
                    12, current.version()), "demo");
            log.info("Demo points: 1 point per yuan, 100 per referred friend, 1 point = 0.01, up to 30 %, 12 months");
        };
    }

    @Bean
    @Order(46)
    ApplicationRunner demoPointsHistory() {
        return this::history;
    }

    private void history(ApplicationArguments args) {
        if (rewards.prices().size() > 0) {
            return;
        }
        offerGifts();
        Instant now = clock.instant();
        Instant past = now.minus(Duration.ofDays(1));
        vouchers.templates().stream().map(VoucherIssuing.TemplateWithFigures::template)
                .filter(t -> t.name().equals("Thank-you voucher")).findFirst()
                .ifPresent(t -> rewards.price(t.id(), 500, "demo"));
        customer("anna@demo.micromall").ifPresent(anna -> {
            earned(anna, "anna-1", 1300, past, now.plus(Duration.ofDays(300)));
            earned(anna, "anna-2", 200, past, now.plus(Duration.ofDays(20)));
        });
        customer("ben@demo.micromall").ifPresent(ben -> {
            earned(ben, "ben-1", 900, past, now.plus(Duration.ofDays(330)));
            rewards.prices().keySet().stream().findFirst().ifPresent(template ->
                    rewards.redeem(ben, template, "demo-redemption"));
        });
        customer("chen@demo.micromall").ifPresent(chen -> {
            earned(chen, "chen-1", 400, past, now.plus(Duration.ofDays(340)));
            // A returned item's share, taken back while the points were still frozen.
            book.earn(chen, PointsBook.ORDER, "demo:chen-2", 120, -2L, null, new BigDecimal("120.00"),
                    now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(365)));
            book.orderRefunded(-2L, "demo-return", new BigDecimal("40.00"), false);
        });
        log.info("Demo points: history for Anna, Ben and Chen; the thank-you voucher costs 500 points");
    }

    /** The two cheapest products as gifts: one Anna can take now, one she needs more points for. */
    private void offerGifts() {
        java.util.List<PointsGifts.CatalogueItem> cheapest = gifts.catalogue().stream().filter(i -> i.product().stock() > 0)
                .sorted(java.util.Comparator.comparing(i -> i.product().price().amount())).limit(2).toList();
        long[] prices = {800, 3000};
        for (int i = 0; i < cheapest.size(); i++) {
            gifts.set(cheapest.get(i).product().id(), prices[i], true, "demo");
        }
        log.info("Demo points: {} gifts for 800 and 3000 points", cheapest.size());
    }

    /** Points from an earlier order, already past their return window. */
    private void earned(long customer, String key, long points, Instant unfrozen, Instant expires) {
        book.earn(customer, PointsBook.ORDER, "demo:" + key, points, null, null, null, unfrozen, expires);
        book.unfreezeDue(customer, clock.instant());
    }

    private Optional<Long> customer(String email) {
        return customers.search(new CustomerSearch(email, null, Set.of(), 0, 5)).rows().stream()
                .filter(row -> row.email().equalsIgnoreCase(email)).map(CustomerSearch.Row::id).findFirst();
    }
}
