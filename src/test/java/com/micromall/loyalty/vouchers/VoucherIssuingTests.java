package com.micromall.loyalty.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.customer.CustomerRegistered;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** How vouchers reach customers: on registration, as a referral reward, by e-mail list and by last order date. */
@MicromallTest
class VoucherIssuingTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired VoucherIssuing issuing;
    @Autowired ShopSettingsService shopSettings;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    OrderFixtures orders;
    VoucherFixtures vouchers;
    LedgerFixtures ledger;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        vouchers = new VoucherFixtures(issuing, shopSettings, jdbc);
        ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
    }

    private long held(long templateId, long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher WHERE template_id = :t AND customer_id = :c")
                .param("t", templateId).param("c", customerId).query(Long.class).single();
    }

    @Test
    void aNewAccountGetsTheRegistrationVoucherOnceEvenWhenTheEventIsDeliveredAgain() {
        long template = vouchers.template().onRegistration().limit(5).create();
        TestCustomer newcomer = orders.customer("Newcomer");
        CustomerRegistered registered = new CustomerRegistered(newcomer.id(), newcomer.name(), newcomer.email(),
                Instant.now(), null, null);

        transactions.executeWithoutResult(status -> events.publishEvent(registered));
        await().atMost(Duration.ofSeconds(10)).until(() -> held(template, newcomer.id()) == 1);
        issuing.onRegistration(registered);

        assertThat(held(template, newcomer.id())).isEqualTo(1);
    }

    @Test
    void theInviterGetsTheReferralVoucherWhenTheFriendsFirstOrderCompletesAndNotForTheSecond() {
        long template = vouchers.template().referralReward().limit(10).create();
        TestCustomer sharer = ledger.distributor("Voucher Sharer");
        TestCustomer friend = ledger.referredBy(sharer, "Voucher Friend");
        long product = orders.product("Referral Cup", "20.00", 10);

        String first = ledger.place(friend, product, 1);
        assertThat(held(template, sharer.id())).as("not before the order completes").isZero();
        ledger.complete(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> held(template, sharer.id()) == 1);
        String second = ledger.place(friend, product, 1);
        ledger.complete(second);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> held(template, sharer.id()) == 1);
        assertThat(held(template, friend.id())).isZero();
    }

    @Test
    void issuingByEmailFindsCustomersWhateverTheCaseAndNamesTheUnknownAddresses() {
        long template = vouchers.template().create();
        TestCustomer anna = orders.customer("Email Anna");
        TestCustomer ben = orders.customer("Email Ben");

        VoucherIssuing.IssueResult result = issuing.issueByEmail(template,
                List.of(anna.email().toUpperCase(), ben.email(), "nobody@example.com"), UUID.randomUUID().toString());

        assertThat(result.issued()).isEqualTo(2);
        assertThat(result.unknownEmails()).containsExactly("nobody@example.com");
        assertThat(held(template, anna.id())).isEqualTo(1);
        assertThat(held(template, ben.id())).isEqualTo(1);
    }

    @Test
    void issuingByLastOrderDateGivesToRecentBuyersOrToThoseWhoHaveNotOrderedSince() {
        long recentTemplate = vouchers.template().create();
        long lapsedTemplate = vouchers.template().create();
        TestCustomer recent = orders.customer("Recent Buyer");
        TestCustomer lapsed = orders.customer("Lapsed Buyer");
        ledger.place(recent, orders.product("Recent Cup", "20.00", 10), 1);
        Instant since = Instant.now().minus(Duration.ofHours(1));

        issuing.issueByLastOrder(recentTemplate, since, true, UUID.randomUUID().toString());
        issuing.issueByLastOrder(lapsedTemplate, since, false, UUID.randomUUID().toString());

        assertThat(held(recentTemplate, recent.id())).isEqualTo(1);
        assertThat(held(recentTemplate, lapsed.id())).isZero();
        assertThat(held(lapsedTemplate, lapsed.id())).isEqualTo(1);
        assertThat(held(lapsedTemplate, recent.id())).isZero();
    }
}
