package com.micromall.distribution.crediting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import com.micromall.catalog.ProductApi;
import com.micromall.customer.CustomerApi;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.abuse.AbuseGuard;
import com.micromall.distribution.experiments.Experiments;
import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.referral.Beneficiaries;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.referral.Distributors;
import com.micromall.distribution.referral.ReferralNetwork;
import com.micromall.distribution.referral.RewardForms;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderHistory;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPlaced;
import com.micromall.order.PaymentMethod;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Crediting on its own with the ledger it books into and the policy whose order snapshot it books from (referral, the
 * tiers, experiments, abuse, settings, customer, catalog and order stand in as mocks): an order placed through a sharer and a friend of theirs,
 * then completed, becomes one frozen entry per level at the snapshot's rates and one {@link CommissionCredited} per
 * level. The full-context path (real checkout, real referral) is
 * {@code DistributionEventsTests}; this pins crediting's part of it without booting the shop.
 */
// Named: for a nested module's package, Spring Modulith would otherwise bootstrap the enclosing distribution module
// (with all nested ones excluded), where no crediting bean exists.
// The ledger is included (it keeps the books) and the policy too: it takes the snapshot when the order is placed.
@ApplicationModuleTest(module = "distribution.crediting", extraIncludes = {"distribution.ledger", "distribution.policy"})
// Only crediting's part of the application boots here: a database of its own keeps that partial context (and what
// it writes) out of the shared test database, which the next run recreates anyway.
@TestPropertySource(properties = "micromall.test.separate-database=ledger")
class CommissionCreditScenarioTests {

    static final String CNY = "CNY";

    @MockitoBean ReferralNetwork network;
    @MockitoBean Distributors distributors;
    @MockitoBean DistributorChoices choices;
    @MockitoBean RewardForms rewardForms;
    @MockitoBean DistributorTiers tiers;
    @MockitoBean Experiments experiments;
    @MockitoBean AbuseGuard abuseGuard;
    @MockitoBean DistributionSettingsService settings;
    @MockitoBean ShopSettingsService shopSettings;
    @MockitoBean ShopTime shopTime;
    @MockitoBean AuditLog auditLog;
    @MockitoBean CustomerApi customers;
    @MockitoBean ProductApi products;
    @MockitoBean OrderHistory orderHistory;

    @Autowired JdbcClient jdbc;

    long sharer;
    long friendOfSharer;
    long buyer;

    @BeforeEach
    void aSharerAFriendOfTheirsAndABuyer() {
        // The ledger's tables point at customer rows; this database has the tables but nobody in them.
        sharer = customer("sharer");
        friendOfSharer = customer("upline");
        buyer = customer("buyer");
        given(settings.current()).willReturn(new DistributionSettings(DistributionSettings.EnrolmentRule.EVERYONE,
                new BigDecimal("10"), new BigDecimal("3"), 30, 7, DistributionSettings.WelcomeKind.PERCENT,
                new BigDecimal("5"), null, BigDecimal.ZERO, new BigDecimal("10"), BigDecimal.ZERO, null, null));
        given(network.beneficiariesOf(buyer)).willReturn(new Beneficiaries(Optional.of(sharer), Optional.of(friendOfSharer)));
        given(rewardForms.current()).willReturn(new RewardForms.Rules(Set.of(RewardForm.CASH), BigDecimal.ZERO));
        given(customers.isEmailVerified(anyLong())).willReturn(true);
    }

    @Test
    void aCompletedOrderCreditsEachLevelOnceAtTheRatesFrozenWhenItWasPlaced(Scenario scenario) {
        long orderId = 9_001;
        Instant placedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // Two lines: 2 × 50.00 and 1 × 33.33, so per-line rounding down shows (10 % of 33.33 is 3.333).
        List<OrderLineSnapshot> lines = List.of(
                new OrderLineSnapshot(90_011, 501, "Tea", 2, money("50.00"), money("100.00"), money("100.00")),
                new OrderLineSnapshot(90_012, 502, "Cup", 1, money("33.33"), money("33.33"), money("33.33")));

        scenario.publish(new OrderPlaced(orderId, "MM-9001", buyer, placedAt, lines, money("133.33"), money("0.00"),
                        money("0.00"), money("133.33"), PaymentMethod.BANK_TRANSFER))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> snapshotState(orderId), "PLACED"::equals)
                .andVerify(state -> assertThat(state).isEqualTo("PLACED"));

        Instant completedAt = placedAt.plus(1, ChronoUnit.DAYS);
        scenario.publish(new OrderCompleted(orderId, "MM-9001", buyer, completedAt, lines))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> entries(orderId), rows -> rows.size() == 4)
                .andVerify(rows -> assertThat(rows).containsExactlyInAnyOrder(
                        new Row(sharer, 1, 90_011, new BigDecimal("10.00"), "FROZEN"),
                        new Row(sharer, 1, 90_012, new BigDecimal("3.33"), "FROZEN"),
                        new Row(friendOfSharer, 2, 90_011, new BigDecimal("3.00"), "FROZEN"),
                        new Row(friendOfSharer, 2, 90_012, new BigDecimal("0.99"), "FROZEN")));

        assertThat(snapshotState(orderId)).isEqualTo("COMPLETED");
        verify(tiers).orderCompleted(eq(sharer), eq(orderId), eq(buyer), eq(completedAt), any());
    }

    @Test
    void theCreditIsAnnouncedOncePerLevelWithTheSumAndTheEndOfTheReturnWindow(Scenario scenario) {
        long orderId = 9_002;
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<OrderLineSnapshot> lines = List.of(
                new OrderLineSnapshot(90_021, 501, "Tea", 3, money("20.00"), money("60.00"), money("60.00")));
        Instant completedAt = placedAt.plus(2, ChronoUnit.HOURS);

        // As checkout and the order page do it: placed (heard in its transaction), then completed (heard after commit).
        scenario.stimulate((transaction, publisher) -> {
                    transaction.executeWithoutResult(status -> publisher.publishEvent(new OrderPlaced(orderId, "MM-9002",
                            buyer, placedAt, lines, money("60.00"), money("0.00"), money("0.00"), money("60.00"),
                            PaymentMethod.BANK_TRANSFER)));
                    transaction.executeWithoutResult(status -> publisher.publishEvent(
                            new OrderCompleted(orderId, "MM-9002", buyer, completedAt, lines)));
                })
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForEventOfType(CommissionCredited.class)
                .matching(credited -> credited.orderId() == orderId && credited.level() == 1)
                .toArriveAndVerify(credited -> {
                    assertThat(credited.distributorId()).isEqualTo(sharer);
                    assertThat(credited.amount()).isEqualTo(money("6.00"));
                    assertThat(credited.onHold()).isEqualTo(money("0.00"));
                    assertThat(credited.unfreezesAt()).isEqualTo(completedAt.plus(7, ChronoUnit.DAYS));
                    assertThat(credited.rewardForm()).isEqualTo(RewardForm.CASH);
                    assertThat(credited.entryIds()).hasSize(1);
                });

        // The fact is heard when published, inside the crediting transaction: the rows show once it commits.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entries(orderId))
                .containsExactlyInAnyOrder(new Row(sharer, 1, 90_021, new BigDecimal("6.00"), "FROZEN"),
                        new Row(friendOfSharer, 2, 90_021, new BigDecimal("1.80"), "FROZEN")));
    }

    record Row(long distributorId, int level, long lineId, BigDecimal amount, String state) {
    }

    private List<Row> entries(long orderId) {
        return jdbc.sql("""
                        SELECT distributor_id, level, line_id, amount, state FROM commission_entry
                        WHERE order_id = :o AND kind = 'COMMISSION'""")
                .param("o", orderId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4), rs.getString(5)))
                .list();
    }

    private String snapshotState(long orderId) {
        return jdbc.sql("SELECT state FROM commission_snapshot WHERE order_id = :o").param("o", orderId)
                .query(String.class).optional().orElse("");
    }

    private long customer(String name) {
        return jdbc.sql("""
                        INSERT INTO customer (email, password_hash, name, role, created_at)
                        VALUES (:email, 'x', :name, 'CUSTOMER', :at) RETURNING id""")
                .param("email", name + "-" + System.nanoTime() + "@ledger.example").param("name", name)
                .param("at", Timestamp.from(Instant.now())).query(Long.class).single();
    }

    private static Money money(String amount) {
        return Money.of(amount, CNY);
    }
}
