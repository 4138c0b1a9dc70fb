package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.LedgerFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPlaced;
import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order's completion is committed but crediting fails (here: the listener runs before the
 * order's snapshot exists, as after a crash) - the outbox keeps the event and a resubmission
 * credits exactly once.
 */
@MicromallTest
class CreditRepublishTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired IncompleteEventPublications incompletePublications;
    @Autowired CommissionCrediting crediting;
    @Autowired Clock clock;
    @Autowired EventPublicationRepository publications;

    @Test
    void aCreditingListenerThatFailedOnceCreditsExactlyOnceWhenItsEventIsResubmitted() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        LedgerFixtures fixtures = new LedgerFixtures(orders, jdbc, null, null, null);
        TestCustomer anna = fixtures.distributor("Anna-r");
        TestCustomer ben = fixtures.referredBy(anna, "Ben-r");
        long product = orders.product("Jar", "25.00", 10);
        long orderId = 900_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
        String number = OrderFixtures.unique("MM-R");
        Money paid = Money.of("25.00", "CNY");
        OrderLineSnapshot line = new OrderLineSnapshot(orderId, product, "Jar", 1, paid, paid, paid);

        transactions.executeWithoutResult(s -> events.publishEvent(
                new OrderCompleted(orderId, number, ben.id(), clock.instant(), List.of(line))));
        // No snapshot yet: the crediting listener fails and its publication waits in the outbox.
        await().atMost(Duration.ofSeconds(10)).until(() -> publications.findByStatus(EventPublication.Status.FAILED)
                .stream().anyMatch(p -> p.getEvent() instanceof OrderCompleted c && c.orderNumber().equals(number)
                        && p.getTargetIdentifier().getValue().contains("CommissionCrediting")));
        assertThat(entries(anna)).isZero();

        transactions.executeWithoutResult(s -> events.publishEvent(new OrderPlaced(orderId, number, ben.id(),
                clock.instant(), List.of(line), paid, Money.of("0.00", "CNY"), Money.of("0.00", "CNY"), paid,
                PaymentMethod.BANK_TRANSFER)));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM commission_snapshot WHERE order_id = :o").param("o", orderId)
                .query(Long.class).single() == 1);

        incompletePublications.resubmitIncompletePublications(p -> p.getEvent() instanceof OrderCompleted c
                && c.orderNumber().equals(number));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(anna) == 1);
        incompletePublications.resubmitIncompletePublications(p -> p.getEvent() instanceof OrderCompleted c
                && c.orderNumber().equals(number));
        crediting.credit(new OrderCompleted(orderId, number, ben.id(), clock.instant(), List.of(line)));

        assertThat(entries(anna)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT amount FROM commission_entry WHERE distributor_id = :d").param("d", anna.id())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("2.50");
    }

    private long entries(TestCustomer distributor) {
        return jdbc.sql("SELECT COUNT(*) FROM commission_entry WHERE distributor_id = :d").param("d", distributor.id())
                .query(Long.class).single();
    }

}
