package com.micromall.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.care.staff.StaffAttribution;
import com.micromall.care.staff.StaffCommissionRate;
import com.micromall.care.staff.StaffRoster;
import com.micromall.distribution.StaffCommissionBalances;
import com.micromall.distribution.oversight.Reconciliation;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff commission: a member's percent of the goods paid on orders attributed to them, taken at placing, credited
 * at completion in the same ledger as the sharers' commission and taken back on refunds by the same rules.
 */
@MicromallTest
class StaffCommissionTests {

    private static final BigDecimal FIVE = new BigDecimal("5");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired StaffRoster roster;
    @Autowired StaffAttribution attribution;
    @Autowired StaffCommissionRate rate;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired StaffCommissionBalances staffBalances;
    @Autowired DistributionApi sharerBalances;
    @Autowired Reconciliation reconciliation;

    LedgerFixtures fixtures;
    long staffAccount;
    TestCustomer buyer;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        String email = OrderFixtures.unique("staffpay").toLowerCase(Locale.ROOT) + "@example.com";
        roster.invite(email, "Sam Staff", Locale.ENGLISH);
        String code = jdbc.sql("SELECT code FROM care_staff WHERE email = :e").param("e", email)
                .query(String.class).single();
        staffAccount = jdbc.sql("SELECT customer_id FROM care_staff WHERE email = :e").param("e", email)
                .query(Long.class).single();
        buyer = fixtures.orders.customer("Staff buyer");
        attribution.attributeCustomer(buyer.id(), code, StaffAttribution.Source.LINK);
    }

    @AfterEach
    void noStaffCommission() {
        rate.change(null, "test");
    }

    private record Entry(String kind, int level, BigDecimal amount, String state) {
    }

    private List<Entry> staffEntries(String number) {
        return jdbc.sql("""
                SELECT kind, level, amount, state FROM commission_entry
                WHERE distributor_id = :d AND order_number = :n ORDER BY id""")
                .param("d", staffAccount).param("n", number)
                .query((rs, i) -> new Entry(rs.getString("kind"), rs.getInt("level"), rs.getBigDecimal("amount"),
                        rs.getString("state"))).list();
    }

    private BigDecimal paid(String number) {
        return jdbc.sql("SELECT SUM(paid_amount) FROM commission_snapshot_line WHERE order_id = :o")
                .param("o", fixtures.orderId(number)).query(BigDecimal.class).single();
    }

    /** What the sharer's balance row holds for the staff member: staff commission never goes there. */
    private BigDecimal account(String column) {
        return jdbc.sql("SELECT " + column + " FROM distributor_account WHERE distributor_id = :d")
                .param("d", staffAccount).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    private BigDecimal staffFrozen() {
        return staffBalances.staffCommissionOf(staffAccount).frozen().amount();
    }

    private BigDecimal staffAvailable() {
        return staffBalances.staffCommissionOf(staffAccount).available().amount();
    }

    private void afterTheReturnWindow(String number) {
        int days = jdbc.sql("SELECT return_window_days FROM commission_snapshot WHERE order_number = :n")
                .param("n", number).query(Integer.class).single();
        transactions.executeWithoutResult(s -> new UnfreezeJob(jdbc, new DistributorAccounts(jdbc), clock)
                .unfreezeDue(clock.instant().plus(Duration.ofDays(days + 1))));
    }

    private static BigDecimal fivePercentOf(BigDecimal amount) {
        return amount.multiply(FIVE).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
    }

    @Test
    void staffMemberEarnsTheirPercentOfTheGoodsPaidFrozenUntilTheReturnWindowEnds() {
        rate.change(FIVE, "test");
        long product = fixtures.orders.product("Staff lock", "20.00", 100);
        String number = fixtures.place(buyer, product, 2);
        fixtures.complete(number);

        BigDecimal expected = fivePercentOf(paid(number));
        assertThat(expected).isEqualByComparingTo("2.00");
        assertThat(staffEntries(number)).containsExactly(new Entry("COMMISSION", 0, expected, "FROZEN"));
        assertThat(staffFrozen()).isEqualByComparingTo(expected);

        afterTheReturnWindow(number);
        assertThat(staffEntries(number)).containsExactly(new Entry("COMMISSION", 0, expected, "AVAILABLE"));
        assertThat(staffFrozen()).isEqualByComparingTo("0");
        assertThat(staffAvailable()).isEqualByComparingTo(expected);
    }

    @Test
    void staffCommissionFollowsARefundWithinTheReturnWindowLikeAnyCommission() {
        rate.change(FIVE, "test");
        long product = fixtures.orders.product("Staff filter", "10.00", 100);
        String number = fixtures.place(buyer, product, 4);
        fixtures.complete(number);
        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);

        assertThat(staffEntries(number)).containsExactly(
                new Entry("COMMISSION", 0, new BigDecimal("2.00"), "FROZEN"),
                new Entry("REVERSAL", 0, new BigDecimal("-0.50"), "FROZEN"));
        assertThat(staffFrozen()).isEqualByComparingTo("1.50");

        afterTheReturnWindow(number);
        assertThat(staffAvailable()).isEqualByComparingTo("1.50");
    }

    @Test
    void staffCommissionIsClawedBackWhenRefundedAfterTheReturnWindow() {
        rate.change(FIVE, "test");
        long product = fixtures.orders.product("Staff battery", "10.00", 100);
        String number = fixtures.place(buyer, product, 4);
        fixtures.complete(number);
        afterTheReturnWindow(number);
        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);

        assertThat(staffEntries(number)).containsExactly(
                new Entry("COMMISSION", 0, new BigDecimal("2.00"), "AVAILABLE"),
                new Entry("CLAWBACK", 0, new BigDecimal("-0.50"), "AVAILABLE"));
        assertThat(staffAvailable()).isEqualByComparingTo("1.50");
    }

    @Test
    void aStaffMemberWhoAlsoSharesCannotWithdrawTheirStaffCommission() {
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'ACTIVE', :at)")
                .param("c", staffAccount).param("code", OrderFixtures.unique("S").toUpperCase(Locale.ROOT).substring(0, 8))
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        LedgerFixtures.rebuild(jdbc, staffAccount);
        rate.change(FIVE, "test");
        long product = fixtures.orders.product("Staff deadbolt", "40.00", 100);
        String number = fixtures.place(buyer, product, 2);
        fixtures.complete(number);
        afterTheReturnWindow(number);
        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);

        assertThat(staffEntries(number)).extracting(Entry::kind).containsExactly("COMMISSION", "CLAWBACK");
        assertThat(staffAvailable()).isEqualByComparingTo("2.00");
        var sharer = sharerBalances.balancesOf(staffAccount);
        assertThat(sharer.available().amount()).isEqualByComparingTo("0");
        assertThat(sharer.frozen().amount()).isEqualByComparingTo("0");
        assertThat(account("clawed_back")).isEqualByComparingTo("0");
        assertThat(sharerBalances.ledgerOf(staffAccount, 20)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_commission_hour WHERE distributor_id = :d")
                .param("d", staffAccount).query(Long.class).single()).as("nor in the sharer's chart").isZero();
        assertThat(reconciliation.check(List.of(staffAccount)).balanced()).isTrue();

        LedgerFixtures.rebuild(jdbc, staffAccount);
        assertThat(sharerBalances.balancesOf(staffAccount).available().amount()).isEqualByComparingTo("0");
    }

    @Test
    void noStaffCommissionIsCreditedWhenTheOwnerSetNone() {
        long product = fixtures.orders.product("Staff key", "20.00", 100);
        String number = fixtures.place(buyer, product, 1);
        fixtures.complete(number);

        assertThat(staffEntries(number)).isEmpty();
        assertThat(jdbc.sql("SELECT staff_percent FROM commission_snapshot WHERE order_number = :n")
                .param("n", number).query(BigDecimal.class).optional().filter(p -> p != null)).isEqualTo(Optional.empty());
    }

    @Test
    void theRateInForceWhenTheOrderWasPlacedCountsAtCompletion() {
        rate.change(FIVE, "test");
        long product = fixtures.orders.product("Staff hinge", "20.00", 100);
        String number = fixtures.place(buyer, product, 2);
        rate.change(new BigDecimal("20"), "test");
        fixtures.complete(number);

        assertThat(staffEntries(number)).extracting(Entry::amount).containsExactly(new BigDecimal("2.00"));
    }
}
