package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.DistributorAccounts;
import com.micromall.distribution.oversight.LedgerAdministration;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.policy.CommissionPolicy;
import com.micromall.distribution.policy.OrderTerms;
import com.micromall.distribution.rewards.DistributorRewards;
import com.micromall.distribution.referral.DistributorChoices;
import com.micromall.distribution.payout.StoreCreditFixtures;
import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralCodes;
import com.micromall.distribution.referral.ReferralSource;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.reporting.DistributorRoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The distributor's account row, expected commission and the chart's hourly commission (reporting's buckets) equal
 * what the ledger's rows say, after every kind of write: binding (also after an order), credit, reversal, clawback,
 * unfreeze, hold, release, void, withdrawal request/pay/reject, store credit spend/restore, cancel, refund - and
 * redelivered events change nothing. Nothing is ever recomputed: the figures are right because every write keeps
 * them so (the order figures are reporting's, see ReportingFiguresTests).
 */
@MicromallTest
class LedgerFiguresTests {

    /** The ledger sums per distributor, aggregated from the rows: the oracle. */
    private static final String ORACLE = """
            SELECT
              (SELECT COALESCE(SUM(amount), 0) FROM commission_entry WHERE distributor_id = :d AND state = 'FROZEN') AS frozen,
              (SELECT COALESCE(SUM(amount), 0) FROM commission_entry WHERE distributor_id = :d AND state = 'AVAILABLE') AS available,
              (SELECT COALESCE(SUM(amount), 0) FROM commission_entry WHERE distributor_id = :d AND state = 'ON_HOLD') AS on_hold,
              (SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                 WHERE distributor_id = :d AND state IN ('FROZEN', 'AVAILABLE', 'ON_HOLD')) AS earned,
              (SELECT COALESCE(SUM(amount), 0) FROM withdrawal WHERE distributor_id = :d AND state = 'REQUESTED') AS withdrawing,
              (SELECT COALESCE(SUM(amount), 0) FROM withdrawal WHERE distributor_id = :d AND state = 'PAID') AS withdrawn,
              (SELECT COALESCE(SUM(cash_amount), 0) FROM store_credit_spend
                 WHERE distributor_id = :d AND restored_at IS NULL) AS credit_spent,
              (SELECT COALESCE(SUM(amount), 0) FROM commission_entry WHERE distributor_id = :d AND kind = 'CLAWBACK') AS clawed_back""";

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionApi distribution;
    @Autowired CommissionCrediting crediting;
    @Autowired OrderTerms orderTerms;
    @Autowired LedgerAdministration administration;
    @Autowired WithdrawalService withdrawals;
    @Autowired DistributorRewards rewards;
    @Autowired DistributorChoices choices;
    @Autowired ReferralBindings bindings;
    @Autowired DistributorRoll roll;
    @Autowired DistributorAccounts accounts;
    @Autowired ApplicationContext context;
    @Autowired DistributionSettingsService settings;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired javax.sql.DataSource dataSource;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void afterEveryKindOfWriteTheFiguresEqualTheLedgerSumsAndRedeliveredEventsChangeNothing() throws Exception {
        levelTwoAt("3");
        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Figures Anna"));
        TestCustomer grandma = fixtures.distributor(OrderFixtures.unique("Figures Grandma"));
        fixtures.bind(anna, grandma);
        long tea = fixtures.orders.product("Figures Tea", "500.00", 100);

        // A customer who ordered before being bound: binding makes the order count (through the real bind path).
        TestCustomer carl = fixtures.orders.customer("Figures Carl");
        String carlsOrder = fixtures.place(carl, tea, 1);
        String code = ReferralCodes.next();
        jdbc.sql("UPDATE distributor SET code = :code WHERE customer_id = :c").param("code", code).param("c", anna.id()).update();
        assertThat(bindings.bind(carl.id(), code, ReferralSource.LINK, null))
                .isEqualTo(ReferralBindings.BindingOutcome.BOUND);
        assertMatches(anna, grandma);

        // Credits (level 1 and 2), a reversal before the window, the unfreeze job, a clawback after it.
        TestCustomer ben = fixtures.referredBy(anna, "Figures Ben");
        String first = fixtures.place(ben, tea, 2);
        fixtures.complete(first);
        String second = fixtures.place(ben, tea, 2);
        fixtures.complete(second);
        fixtures.refund(second, fixtures.lineIds(second).get(0), 1);
        assertMatches(anna, grandma);
        transactions.executeWithoutResult(s -> LedgerFixtures.unfreezeDue(jdbc, accounts, clock,
                clock.instant().plus(Duration.ofDays(original.returnWindowDays() + 1))));
        assertMatches(anna, grandma);
        fixtures.refund(first, fixtures.lineIds(first).get(0), 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM commission_entry WHERE distributor_id = :d AND kind = 'CLAWBACK'")
                .param("d", anna.id()).query(Long.class).single()).isEqualTo(1);
        assertMatches(anna, grandma);

        // An order paid but not completed: expected, lower by the refunded share after a refund before completion,
        // nothing once completed (the commission is then frozen instead).
        String open = fixtures.place(ben, tea, 3);
        BigDecimal expectedOpen = distribution.balancesOf(anna.id()).expected().amount();
        assertThat(expectedOpen).isPositive();
        assertMatches(anna, grandma);
        orderService.confirmPayment(open, LedgerFixtures.OWNER);
        fixtures.refund(open, fixtures.lineIds(open).get(0), 1);
        assertThat(distribution.balancesOf(anna.id()).expected().amount())
                .isEqualByComparingTo(expectedOpen.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(3)));
        assertMatches(anna, grandma);
        orderService.ship(open, LedgerFixtures.OWNER, "parcel");
        orderService.complete(open, LedgerFixtures.OWNER);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT state FROM commission_snapshot WHERE order_number = :n").param("n", open)
                .query(String.class).single().equals("COMPLETED"));
        assertMatches(anna, grandma);

        // Held entries (shared device): one released, one voided.
        TestCustomer dana = fixtures.referredBy(anna, "Figures Dana");
        String device = UUID.randomUUID().toString().substring(0, 30);
        fixtures.device(anna, device);
        fixtures.device(dana, device);
        String held = fixtures.place(dana, tea, 1);
        fixtures.complete(held);
        String voided = fixtures.place(dana, tea, 1);
        fixtures.complete(voided);
        assertThat(distribution.balancesOf(anna.id()).onHold().amount()).isPositive();
        assertMatches(anna, grandma);
        administration.release(commissionOf(anna, held), "owner");
        administration.voidEntry(commissionOf(anna, voided), "not real", "owner");
        assertMatches(anna, grandma);

        // Withdrawals: one paid, one rejected, one still requested.
        long paid = withdrawals.request(anna.id(), new BigDecimal("20.00"), WithdrawalMethod.BANK, "acct", null).withdrawalId();
        long rejected = withdrawals.request(anna.id(), new BigDecimal("15.00"), WithdrawalMethod.BANK, "acct", null).withdrawalId();
        assertThat(withdrawals.request(anna.id(), new BigDecimal("12.00"), WithdrawalMethod.BANK, "acct", null).accepted()).isTrue();
        withdrawals.pay(paid, "ref-1", "owner");
        withdrawals.reject(rejected, "wrong account", "owner");
        assertMatches(anna, grandma);

        // Store credit: spent on one order (kept) and on another (cancelled: given back once).
        choices.chooseRewardForm(anna.id(), RewardForm.STORE_CREDIT, "test");
        long vase = fixtures.orders.product("Figures Vase", "10.00", 100);
        carts.add(CartService.CartKey.customer(anna.id()), vase, 1);
        placeDirectly(anna);
        carts.add(CartService.CartKey.customer(anna.id()), vase, 1);
        String cancelled = placeDirectly(anna);
        assertThat(distribution.balancesOf(anna.id()).creditSpent().amount()).isPositive();
        orderService.cancelByCustomer(anna.id(), cancelled);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT restored_at IS NOT NULL FROM store_credit_spend WHERE order_id = :o")
                .param("o", orderIdOf(cancelled)).query(Boolean.class).single());
        assertMatches(anna, grandma);

        // An order of an invitee cancelled: it no longer counts.
        String dropped = fixtures.place(ben, tea, 1);
        orderService.cancelByCustomer(ben.id(), dropped);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT state FROM commission_snapshot WHERE order_number = :n").param("n", dropped)
                .query(String.class).single().equals("CANCELLED"));
        assertMatches(anna, grandma);
        Map<String, Object> before = figures(anna.id());

        // Redelivered events: the credit, the refund, the cancellation, the store-credit restore, an order sync.
        long firstId = orderIdOf(first);
        crediting.credit(new OrderCompleted(firstId, first, ben.id(), clock.instant(), List.of()));
        String ref = jdbc.sql("SELECT MIN(refund_ref) FROM commission_refund_handled WHERE order_id = :o")
                .param("o", firstId).query(String.class).single();
        long firstLine = fixtures.lineIds(first).get(0);
        crediting.takeBack(new OrderRefunded(firstId, first, ben.id(), Instant.parse(ref.substring(0, ref.indexOf('#'))),
                List.of(new com.micromall.order.RefundedLine(firstLine, tea, 1, distribution.balancesOf(anna.id()).frozen())),
                distribution.balancesOf(anna.id()).frozen(), false, "again"));
        transactions.executeWithoutResult(s -> {
            // A refund of nothing before completion: the open orders' expectations counted again.
            orderTerms.refundedBeforeCompletion(orderIdOf(carlsOrder), List.of(), false);
            orderTerms.refundedBeforeCompletion(orderIdOf(open), List.of(), false);
            StoreCreditFixtures.restore(context, orderIdOf(cancelled));
        });
        assertThat(figures(anna.id())).isEqualTo(before);
        assertMatches(anna, grandma);

        // The roll reads the same figures.
        DistributorRoll.Row row = roll.search(anna.email(), DistributorRoll.Sort.COMMISSION, 0, 20).rows().get(0);
        Map<String, BigDecimal> oracle = oracle(anna.id());
        assertThat(row.available().amount()).isEqualByComparingTo(oracle.get("available").subtract(oracle.get("withdrawing"))
                .subtract(oracle.get("withdrawn")).subtract(oracle.get("credit_spent")));
        assertThat(row.paidOut().amount()).isEqualByComparingTo(oracle.get("withdrawn"));
    }

    @Test
    void theRollSortedByCommissionWalksTheAccountsAndBreaksTiesByCustomer() {
        TestCustomer high = fixtures.distributor(OrderFixtures.unique("Figures High"));
        TestCustomer low = fixtures.distributor(OrderFixtures.unique("Figures Low"));
        TestCustomer friend = fixtures.referredBy(high, "Figures Friend");
        long tea = fixtures.orders.product("Figures Sort Tea", "90.00", 10);
        fixtures.complete(fixtures.place(friend, tea, 1));

        List<DistributorRoll.Row> rows = roll.search("Figures ", DistributorRoll.Sort.COMMISSION, 0, 1000).rows();
        List<Long> ids = rows.stream().map(DistributorRoll.Row::customerId).toList();

        assertThat(ids.indexOf(high.id())).isLessThan(ids.indexOf(low.id()));
        assertThat(rows.get(ids.indexOf(high.id())).frozen().amount()).isPositive();
    }

    /** The distributor's money (account row), expected commission and chart buckets side by side. */
    private Map<String, Object> figures(long distributorId) {
        Map<String, Object> figures = new java.util.HashMap<>(accounts.row(distributorId));
        figures.put("expected", distribution.balancesOf(distributorId).expected().amount());
        figures.put("hours", hours(CHART, distributorId));
        return figures;
    }

    /** Reporting's chart buckets of one distributor (those that are not zero). */
    private static final String CHART = """
            SELECT hour_no, credited FROM report_commission_hour WHERE distributor_id = :d AND credited <> 0""";

    private void assertMatches(TestCustomer... distributors) {
        for (TestCustomer distributor : distributors) {
            Map<String, Object> row = figures(distributor.id());
            Map<String, BigDecimal> oracle = oracle(distributor.id());
            oracle.forEach((column, expected) -> assertThat(new BigDecimal(row.get(column).toString()))
                    .as("%s of %s", column, distributor.name()).isEqualByComparingTo(expected));
            assertThat(distribution.balancesOf(distributor.id()).expected().amount()).as("expected of %s", distributor.name())
                    .isEqualByComparingTo(expectedOracle(distributor.id()));
            // Reporting hears the ledger's facts after they are committed: wait for it to catch up, then compare.
            Map<Long, BigDecimal> entries = hours("""
                    SELECT CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT) AS hour_no, SUM(amount)
                    FROM commission_entry WHERE distributor_id = :d AND kind = 'COMMISSION' AND state <> 'VOID'
                    GROUP BY 1 HAVING SUM(amount) <> 0""", distributor.id());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hours(CHART, distributor.id()))
                    .as("commission per hour of %s", distributor.name()).isEqualTo(entries));
        }
    }

    /** Hour number to amount (scale 2, so equal sums compare equal). */
    private Map<Long, BigDecimal> hours(String sql, long distributorId) {
        Map<Long, BigDecimal> hours = new java.util.TreeMap<>();
        jdbc.sql(sql).param("d", distributorId).query((rs, i) -> hours.put(rs.getLong(1),
                rs.getBigDecimal(2).setScale(2, java.math.RoundingMode.UNNECESSARY))).list();
        return hours;
    }

    private Map<String, BigDecimal> oracle(long distributorId) {
        return jdbc.sql(ORACLE).param("d", distributorId).query((rs, i) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                values.put(rs.getMetaData().getColumnLabel(c).toLowerCase(), new BigDecimal(rs.getObject(c).toString()));
            }
            return values;
        }).single();
    }

    /** Level 2 on, so the grandparent sharer earns (and expects) too; restored after each test. */
    private void levelTwoAt(String percent) {
        DistributionSettings o = original;
        settings.update(new DistributionSettings(o.enrolmentRule(), o.level1Percent(), new BigDecimal(percent),
                o.attributionDays(), o.returnWindowDays(), o.welcomeKind(), o.welcomeValue(), o.welcomeCap(),
                o.storeCreditBonusPercent(), o.withdrawalMinimum(), o.withdrawalFeePercent(), o.monthlyBudget(),
                o.shareTexts()), "test");
    }

    /** The expected commission summed the slow way: the commission of every open order line, in Java. */
    private BigDecimal expectedOracle(long distributorId) {
        return jdbc.sql("""
                SELECT s.level1_id, s.level1_percent, s.level2_percent, s.currency, l.quantity, l.paid_amount,
                    l.override_percent, l.override_fixed, l.refunded_before_completion, l.friend_gift
                FROM commission_snapshot s JOIN commission_snapshot_line l ON l.order_id = s.order_id
                WHERE s.state = 'PLACED' AND (s.level1_id = :d OR s.level2_id = :d)""")
                .param("d", distributorId)
                .query((rs, i) -> {
                    java.util.Currency currency = java.util.Currency.getInstance(rs.getString("currency"));
                    int quantity = rs.getInt("quantity");
                    var terms = new CommissionPolicy.LineTerms(quantity, Money.of(rs.getBigDecimal("paid_amount"), currency),
                            rs.getBigDecimal("override_percent"), rs.getBigDecimal("override_fixed"),
                            Money.of(rs.getBigDecimal("friend_gift"), currency));
                    int level = rs.getLong("level1_id") == distributorId ? 1 : 2;
                    Money full = CommissionPolicy.amount(terms, level, rs.getBigDecimal("level1_percent"),
                            rs.getBigDecimal("level2_percent"));
                    return full.minus(CommissionPolicy.share(full, rs.getInt("refunded_before_completion"), quantity))
                            .amount();
                })
                .list().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long commissionOf(TestCustomer distributor, String number) {
        return jdbc.sql("""
                SELECT id FROM commission_entry WHERE distributor_id = :d AND order_number = :n AND kind = 'COMMISSION'""")
                .param("d", distributor.id()).param("n", number).query(Long.class).single();
    }

    private long orderIdOf(String number) {
        return jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", number).query(Long.class).single();
    }

    private String placeDirectly(TestCustomer buyer) {
        return checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", "L1", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
    }
}
