package com.micromall.distribution.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.distribution.experiments.Experiments.ArmDraft;
import com.micromall.distribution.experiments.Experiments.Population;
import com.micromall.distribution.experiments.Experiments.Start;
import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Experiments on the real ledger and PostgreSQL: assignment is seeded, balanced and sticky; the order snapshot
 * records the arm and its rate (with a tier's uplift); ending and adopting writes the arm's terms into the settings,
 * audited, and never touches a placed order; the start form survives a double click and two tabs.
 */
@MicromallTest
class ExperimentsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionSettingsService settings;
    @Autowired DistributorTiers tiers;
    @Autowired Experiments experiments;
    @Autowired ExperimentListeners listeners;
    @Autowired com.micromall.distribution.invitations.Invitations invitations;
    @Autowired com.micromall.distribution.referral.DistributorEnrolment enrolment;

    LedgerFixtures fixtures;
    DistributionSettings original;
    DistributorTiers.Scheme originalTiers;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        originalTiers = tiers.scheme();
        endRunning();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), new BigDecimal("10"), BigDecimal.ZERO,
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null,
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null, s.shareTexts()),
                "test");
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(), "test");
    }

    @AfterEach
    void restore() {
        endRunning();
        tiers.replace(originalTiers.measure(), originalTiers.windowDays(), originalTiers.tiers().stream()
                .map(t -> new DistributorTiers.TierDraft(t.name(), t.threshold(), t.level1Percent(), t.level2Percent()))
                .toList(), "test");
        settings.update(original, "test");
    }

    private void endRunning() {
        experiments.running().ifPresent(e -> experiments.end(e.id(), null, "test"));
    }

    private static Start start(Population population, long seed, String... rates) {
        List<ArmDraft> arms = new ArrayList<>();
        for (String rate : rates) {
            arms.add(new ArmDraft(new BigDecimal(rate), null, null, null));
        }
        return new Start("Test " + UUID.randomUUID(), population, new BigDecimal("40"), arms,
                UUID.randomUUID().toString(), seed);
    }

    private String codeOf(TestCustomer distributor) {
        return jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", distributor.id())
                .query(String.class).single();
    }

    private Map<String, Object> snapshot(String number) {
        return jdbc.sql("SELECT level1_percent, experiment_arm_id FROM commission_snapshot WHERE order_number = :n")
                .param("n", number).query().singleRow();
    }

    @Test
    void theSeedDealsEachDistributorTheSameArmAndSpreadsThemEvenly() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (long id = 1; id <= 3000; id++) {
            int arm = Experiments.draw(42L, id, 3);
            assertThat(Experiments.draw(42L, id, 3)).isEqualTo(arm);
            counts.merge(arm, 1, Integer::sum);
        }
        // 3 000 fair draws: each arm within 1 000 ± 100 (more than five standard deviations).
        assertThat(counts.keySet()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(900, 1100));
        // Another seed deals differently.
        long differ = java.util.stream.LongStream.rangeClosed(1, 100)
                .filter(id -> Experiments.draw(42L, id, 3) != Experiments.draw(43L, id, 3)).count();
        assertThat(differ).isGreaterThan(30);
    }

    @Test
    void allDistributorsAreSplitAtTheStartToWithinOneAndStayInTheirArm() {
        for (int i = 0; i < 5; i++) {
            fixtures.distributor(OrderFixtures.unique("Split"));
        }
        long id = experiments.start(start(Population.ALL, 7L, "10", "12"), "owner@test");
        List<Long> perArm = jdbc.sql("""
                SELECT COUNT(*) FROM experiment_assignment WHERE experiment_id = :e GROUP BY arm_id ORDER BY arm_id""")
                .param("e", id).query(Long.class).list();
        long active = jdbc.sql("SELECT COUNT(*) FROM distributor WHERE status = 'ACTIVE'").query(Long.class).single();
        assertThat(perArm).hasSize(2);
        assertThat(perArm.get(0) + perArm.get(1)).isEqualTo(active);
        assertThat(Math.abs(perArm.get(0) - perArm.get(1))).isLessThanOrEqualTo(1);

        // Sticky: asking to assign again keeps the arm dealt at the start.
        long someone = jdbc.sql("SELECT distributor_id FROM experiment_assignment WHERE experiment_id = :e LIMIT 1")
                .param("e", id).query(Long.class).single();
        long armBefore = experiments.armOf(someone).orElseThrow().id();
        String code = jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", someone)
                .query(String.class).single();
        assertThat(experiments.assign(someone, code).orElseThrow().id()).isEqualTo(armBefore);
    }

    @Test
    void theSnapshotRecordsTheArmAndItsRateAndATierKeepsItsUpliftOnTop() {
        long id = experiments.start(start(Population.NEW, 11L, "8", "15"), "owner@test");
        Experiments.Experiment experiment = experiments.find(id).orElseThrow();
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Arm Sharer"));
        Arm arm = experiments.assign(sharer.id(), codeOf(sharer)).orElseThrow();
        assertThat(experiment.arms()).extracting(Arm::id).contains(arm.id());
        assertThat(Experiments.draw(experiment.seed(), sharer.id(), 2)).isEqualTo(arm.position());

        TestCustomer friend = fixtures.referredBy(sharer, OrderFixtures.unique("Arm Friend"));
        String number = fixtures.place(friend, fixtures.orders.product(OrderFixtures.unique("Arm Tea"), "100.00", 10), 1);
        Map<String, Object> row = snapshot(number);
        assertThat((BigDecimal) row.get("level1_percent")).isEqualByComparingTo(arm.level1Percent());
        assertThat(((Number) row.get("experiment_arm_id")).longValue()).isEqualTo(arm.id());
        Map<String, Object> priced = jdbc.sql("SELECT arm_id, goods, commission, discount FROM experiment_order WHERE order_id = :o")
                .param("o", fixtures.orderId(number)).query().singleRow();
        assertThat(((Number) priced.get("arm_id")).longValue()).isEqualTo(arm.id());
        assertThat((BigDecimal) priced.get("goods")).isEqualByComparingTo("100.00");
        assertThat((BigDecimal) priced.get("commission")).isEqualByComparingTo(arm.level1Percent());
        assertThat((BigDecimal) priced.get("discount")).isEqualByComparingTo("0");

        // A tier 2 points above the shop's 10 % pays the arm's rate plus 2.
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(new DistributorTiers.TierDraft("Bronze",
                BigDecimal.ZERO, new BigDecimal("12"), null)), "test");
        TestCustomer second = fixtures.referredBy(sharer, OrderFixtures.unique("Arm Friend"));
        String tiered = fixtures.place(second, fixtures.orders.product(OrderFixtures.unique("Arm Cup"), "50.00", 10), 1);
        assertThat((BigDecimal) snapshot(tiered).get("level1_percent"))
                .isEqualByComparingTo(arm.level1Percent().add(new BigDecimal("2")));

        // A distributor in no arm earns the shop's rate, and no arm is recorded.
        TestCustomer outsider = fixtures.distributor(OrderFixtures.unique("No Arm"));
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(), "test");
        String plain = fixtures.place(fixtures.referredBy(outsider, OrderFixtures.unique("Arm Friend")),
                fixtures.orders.product(OrderFixtures.unique("Arm Jar"), "20.00", 10), 1);
        assertThat((BigDecimal) snapshot(plain).get("level1_percent")).isEqualByComparingTo("10");
        assertThat(snapshot(plain).get("experiment_arm_id")).isNull();
    }

    @Test
    void endingAndAdoptingAnArmWritesItsTermsAuditedAndNeverTouchesAPlacedOrder() {
        long id = experiments.start(new Start("Adopt", Population.NEW, new BigDecimal("40"), List.of(
                new ArmDraft(new BigDecimal("8"), null, null, null),
                new ArmDraft(new BigDecimal("15"), DistributionSettings.WelcomeKind.FIXED, new BigDecimal("5.00"), null)),
                UUID.randomUUID().toString(), 5L), "owner@test");
        Experiments.Experiment experiment = experiments.find(id).orElseThrow();
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Adopt Sharer"));
        Arm arm = experiments.assign(sharer.id(), codeOf(sharer)).orElseThrow();
        String number = fixtures.place(fixtures.referredBy(sharer, OrderFixtures.unique("Adopt Friend")),
                fixtures.orders.product(OrderFixtures.unique("Adopt Tea"), "100.00", 10), 1);
        Map<String, Object> before = snapshot(number);
        long auditBefore = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'distribution.experiment.end'")
                .query(Long.class).single();

        Arm other = experiment.arms().stream().filter(a -> a.id() != arm.id()).findFirst().orElseThrow();
        assertThat(experiments.end(id, other.id(), "owner@test")).isTrue();
        // The same click again ends nothing and writes nothing.
        assertThat(experiments.end(id, other.id(), "owner@test")).isFalse();

        assertThat(snapshot(number)).isEqualTo(before);
        assertThat(settings.current().level1Percent()).isEqualByComparingTo(other.level1Percent());
        if (other.hasWelcome()) {
            assertThat(settings.current().welcomeKind()).isEqualTo(DistributionSettings.WelcomeKind.FIXED);
            assertThat(settings.current().welcomeValue()).isEqualByComparingTo("5.00");
        } else {
            assertThat(settings.current().welcomeValue()).isEqualByComparingTo("0");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'distribution.experiment.end'")
                .query(Long.class).single()).isEqualTo(auditBefore + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.distribution' AND subject = 'level1Percent' AND actor = 'owner@test'")
                .query(Long.class).single()).isPositive();
        assertThat(experiments.find(id).orElseThrow().adoptedArmId()).isEqualTo(other.id());
        assertThat(experiments.armOf(sharer.id())).isEmpty();

        // After the end, friends' orders earn the adopted shop rate and carry no arm.
        String after = fixtures.place(fixtures.referredBy(sharer, OrderFixtures.unique("Adopt Friend")),
                fixtures.orders.product(OrderFixtures.unique("Adopt Cup"), "100.00", 10), 1);
        assertThat((BigDecimal) snapshot(after).get("level1_percent")).isEqualByComparingTo(other.level1Percent());
        assertThat(snapshot(after).get("experiment_arm_id")).isNull();
    }

    @Test
    void theArmsWelcomeBenefitIsWhatTheFriendGetsAtCheckout() {
        experiments.start(new Start("Welcome", Population.NEW, new BigDecimal("40"), List.of(
                new ArmDraft(new BigDecimal("10"), DistributionSettings.WelcomeKind.FIXED, new BigDecimal("7.00"), null),
                new ArmDraft(new BigDecimal("10"), DistributionSettings.WelcomeKind.FIXED, new BigDecimal("7.00"), null)),
                UUID.randomUUID().toString(), 3L), "owner@test");
        // Enrolling while the experiment runs puts the new distributor in an arm at once.
        TestCustomer sharer = fixtures.orders.customer(OrderFixtures.unique("Welcome Sharer"));
        String code = enrolment.enrolActive(sharer.id()).code();
        assertThat(experiments.armOf(sharer.id())).isPresent();
        // The banner promises what checkout gives.
        var banner = invitations.forCode(code, null).orElseThrow();
        assertThat(banner.messageKey()).isEqualTo("distribution.invitation.fixed");
        assertThat(banner.amount()).isNotNull();
        assertThat(banner.amount().amount()).isEqualByComparingTo("7.00");
        String number = fixtures.place(fixtures.referredBy(sharer, OrderFixtures.unique("Welcome Friend")),
                fixtures.orders.product(OrderFixtures.unique("Welcome Tea"), "100.00", 10), 1);
        Map<String, Object> priced = jdbc.sql("SELECT goods, discount FROM experiment_order WHERE order_id = :o")
                .param("o", fixtures.orderId(number)).query().singleRow();
        assertThat((BigDecimal) priced.get("discount")).isEqualByComparingTo("7.00");
        assertThat((BigDecimal) priced.get("goods")).isEqualByComparingTo("100.00");
    }

    @Test
    void theSameStartFormTwiceStartsOneExperimentAndASecondTabMeetsTheRunningOne() throws Exception {
        Start form = start(Population.NEW, 1L, "10", "12");
        long first = experiments.start(form, "owner@test");
        assertThat(experiments.start(form, "owner@test")).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM experiment WHERE request_token = :t").param("t", form.requestToken())
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> experiments.start(start(Population.NEW, 2L, "10", "12"), "owner@test"))
                .isInstanceOf(Experiments.AlreadyRunning.class);
        experiments.end(first, null, "owner@test");

        // Two tabs at once with different forms: one starts, the other is told one is running.
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Start tab = start(Population.NEW, i, "10", "12");
                results.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        experiments.start(tab, "owner@test");
                        return "started";
                    } catch (Experiments.AlreadyRunning e) {
                        return "running";
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("started", "running");
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM experiment WHERE running_slot = 1").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFriendSignedUpOrTakenOverCountsForTheSharersArmOnlyWhileItRuns() {
        long id = experiments.start(start(Population.NEW, 4L, "10", "12"), "owner@test");
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Signup Sharer"));
        experiments.assign(sharer.id(), codeOf(sharer)).orElseThrow();
        java.time.Instant now = java.time.Instant.now();
        // Heard as referral publishes them (other listeners of these events are not this test's business).
        listeners.on(new com.micromall.distribution.referral.CustomerBound(sharer.id(), 1L, now, true));
        listeners.on(new com.micromall.distribution.referral.CustomerRebound(2L, sharer.id(), 3L, now));
        java.util.function.LongSupplier signups = () -> jdbc.sql(
                "SELECT signups FROM experiment_assignment WHERE experiment_id = :e AND distributor_id = :d")
                .param("e", id).param("d", sharer.id()).query(Long.class).single();
        assertThat(signups.getAsLong()).isEqualTo(2);
        experiments.end(id, null, "owner@test");
        listeners.on(new com.micromall.distribution.referral.CustomerBound(sharer.id(), 4L, now, true));
        assertThat(signups.getAsLong()).isEqualTo(2);
    }
}
