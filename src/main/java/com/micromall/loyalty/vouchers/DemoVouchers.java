package com.micromall.loyalty.vouchers;

import com.micromall.catalog.ProductApi;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerSearch;
import com.micromall.order.OrderHistory;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo shop's vouchers (embedded default only): four templates (a welcome voucher for new accounts, a percent
 * off one category, a referral thank-you, a birthday treat), given to the demo customers; Chen has used one, Dina
 * has one expired and Anna, whose birthday it is, has her birthday treat.
 * Runs after the demo orders (30) and staff (40).
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoVouchers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVouchers.class);

    private final VoucherIssuing issuing;
    private final CustomerApi customers;
    private final ProductApi products;
    private final OrderHistory orders;
    private final ShopSettingsService settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final BirthdayVouchers birthdays;
    private final ShopTime shopTime;

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher_template").query(Long.class).single() > 0) {
            return;
        }
        var currency = settings.current().currency();
        Instant now = clock.instant();
        long welcome = issuing.create(new NewVoucherTemplate("Welcome voucher", VoucherTemplate.Kind.FIXED,
                new BigDecimal("10.00"), null, new BigDecimal("50.00"), currency, null, null, 30, 1,
                VoucherTemplate.Scope.ALL, Set.of(), false, true, false, null));
        Optional<ProductApi.CategoryName> category = products.categories().stream().findFirst();
        long percent = issuing.create(new NewVoucherTemplate(category.map(c -> c.name() + " 15 %").orElse("15 %"),
                VoucherTemplate.Kind.PERCENT, null, new BigDecimal("15"), BigDecimal.ZERO, currency, null,
                now.plus(Duration.ofDays(60)), null, 2,
                category.isPresent() ? VoucherTemplate.Scope.CATEGORIES : VoucherTemplate.Scope.ALL,
                category.map(c -> Set.of(c.id())).orElse(Set.of()), true, false, false,
                new BigDecimal("30.00")));
        issuing.create(new NewVoucherTemplate("Thank-you voucher", VoucherTemplate.Kind.FIXED, new BigDecimal("20.00"),
                null, new BigDecimal("100.00"), currency, null, null, 14, 10, VoucherTemplate.Scope.ALL, Set.of(), true,
                false, true, null));
        List<Long> demo = List.of("anna", "ben", "chen", "dina").stream()
                .map(name -> customer(name + "@demo.micromall")).flatMap(Optional::stream).toList();
        issuing.issue(welcome, demo, null);
        issuing.issue(percent, demo, null);
        // Demo history only (the live path is the checkout): Chen's welcome voucher went on his latest order, and
        // Dina's percent voucher ran out unused.
        customer("chen@demo.micromall").ifPresent(chen -> orders.placedOrdersOf(chen).stream()
                .max(java.util.Comparator.comparing(OrderHistory.PlacedOrder::placedAt)).ifPresent(order ->
                jdbc.sql("""
                        UPDATE loyalty_voucher SET used_order_id = :o, used_order_number = :n, used_at = :at,
                            discount = 10.00
                        WHERE template_id = :t AND customer_id = :c""")
                        .param("o", order.id()).param("n", order.number()).param("at", Timestamp.from(order.placedAt()))
                        .param("t", welcome).param("c", chen).update()));
        customer("dina@demo.micromall").ifPresent(dina -> jdbc.sql("""
                        UPDATE loyalty_voucher SET valid_from = :from, valid_until = :until
                        WHERE template_id = :t AND customer_id = :c""")
                .param("from", Timestamp.from(now.minus(Duration.ofDays(40))))
                .param("until", Timestamp.from(now.minus(Duration.ofDays(3)))).param("t", percent).param("c", dina)
                .update());
        // A birthday treat for everyone; Anna's birthday is today, so she has hers (and its mail) at once.
        long birthday = issuing.create(new NewVoucherTemplate("Birthday treat", VoucherTemplate.Kind.FIXED,
                new BigDecimal("15.00"), null, BigDecimal.ZERO, currency, null, null, 30, 100, VoucherTemplate.Scope.ALL,
                Set.of(), true, false, false, null));
        birthdays.setGift(birthday, true, null, "demo");
        customer("anna@demo.micromall").ifPresent(anna -> birthdays.tell(anna, MonthDay.from(shopTime.today())));
        birthdays.giveOn(shopTime.today());
        log.info("Demo vouchers: 4 templates, given to {} demo customers", demo.size());
    }

    private Optional<Long> customer(String email) {
        return customers.search(new CustomerSearch(email, null, Set.of(), 0, 5)).rows().stream()
                .filter(row -> row.email().equalsIgnoreCase(email)).map(CustomerSearch.Row::id).findFirst();
    }
}
