package com.micromall.distribution.payout;

import com.micromall.distribution.ledger.UnfreezeJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.shared.NotFoundException;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@MicromallTest
class WithdrawalServiceTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService shopSettings;
    @Autowired DistributionSettingsService settings;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired WithdrawalService withdrawals;
    @Autowired DistributionApi distribution;

    WithdrawalFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new WithdrawalFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService,
                shopSettings, unfreezeJob);
        original = settings.current();
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void tenConcurrentRequestsOfTenFromFiftyAcceptExactlyFiveAndRefuseTheRestCleanly() throws Exception {
        TestCustomer anna = fixtures.distributorWithAvailable("Anna", "50.00");

        List<WithdrawalService.Outcome> outcomes = concurrently(10, () -> withdrawals.request(anna.id(),
                new BigDecimal("10.00"), WithdrawalMethod.ALIPAY, "anna@alipay", null));

        assertThat(outcomes).filteredOn(WithdrawalService.Outcome::accepted).hasSize(5);
        assertThat(outcomes).filteredOn(o -> !o.accepted()).hasSize(5)
                .allSatisfy(o -> assertThat(o.refusals()).extracting(WithdrawalService.Refusal::messageKey)
                        .containsExactly("distribution.withdrawals.error.amount.overAvailable"));
        assertThat(requestedSum(anna)).isEqualByComparingTo("50.00");
        assertThat(distribution.balancesOf(anna.id()).available().amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void tenConcurrentRequestsOfThirtyFromFiftyAcceptOnlyOne() throws Exception {
        TestCustomer ben = fixtures.distributorWithAvailable("Ben", "50.00");

        List<WithdrawalService.Outcome> outcomes = concurrently(10, () -> withdrawals.request(ben.id(),
                new BigDecimal("30.00"), WithdrawalMethod.BANK, "ICBC 6222 0000", null));

        assertThat(outcomes).filteredOn(WithdrawalService.Outcome::accepted).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.accepted()).hasSize(9);
        assertThat(requestedSum(ben)).isEqualByComparingTo("30.00");
        assertThat(distribution.balancesOf(ben.id()).available().amount()).isEqualByComparingTo("20.00");
    }

    @Test
    void aRequestBelowTheMinimumIsRefusedWithTheMinimumNamed() {
        TestCustomer chen = fixtures.distributorWithAvailable("Chen", "50.00");

        WithdrawalService.Outcome outcome = withdrawals.request(chen.id(), new BigDecimal("9.99"), WithdrawalMethod.BANK, "x", null);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.refusals()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("amount");
            assertThat(r.messageKey()).isEqualTo("distribution.withdrawals.error.amount.belowMinimum");
            assertThat(r.args()).extracting(Money::amount).containsExactly(new BigDecimal("10.00"));
        });
        assertThat(requestedSum(chen)).isEqualByComparingTo("0");
    }

    @Test
    void theWholeAvailableBalanceMayBeWithdrawnButNotACentMore() {
        TestCustomer dina = fixtures.distributorWithAvailable("Dina", "25.00");

        assertThat(withdrawals.request(dina.id(), new BigDecimal("25.01"), WithdrawalMethod.PAYPAL, "d@p", null).refusals())
                .extracting(WithdrawalService.Refusal::messageKey)
                .containsExactly("distribution.withdrawals.error.amount.overAvailable");
        assertThat(withdrawals.request(dina.id(), new BigDecimal("25.00"), WithdrawalMethod.PAYPAL, "d@p", null).accepted())
                .isTrue();
    }

    @Test
    void storeCreditDistributorsAreSentToTheRewardsPageInsteadOfWithdrawing() {
        TestCustomer eve = fixtures.distributorWithAvailable("Eve", "50.00");
        fixtures.rewardForm(eve.id(), "STORE_CREDIT");

        WithdrawalService.Outcome outcome = withdrawals.request(eve.id(), new BigDecimal("20.00"), WithdrawalMethod.BANK, "x", null);

        assertThat(outcome.refusals()).extracting(WithdrawalService.Refusal::messageKey)
                .containsExactly("distribution.withdrawals.error.storeCredit");
        assertThat(withdrawals.overview(eve.id()).cashRewards()).isFalse();
    }

    @Test
    void suspendedDistributorsAndOtherCustomersCannotWithdraw() {
        TestCustomer fay = fixtures.distributorWithAvailable("Fay", "50.00");
        fixtures.status(fay.id(), "SUSPENDED");
        TestCustomer stranger = new OrderFixtures(jdbc, encoder).customer("Stranger");

        assertThat(withdrawals.request(fay.id(), new BigDecimal("20.00"), WithdrawalMethod.BANK, "x", null).refusals())
                .extracting(WithdrawalService.Refusal::messageKey).containsExactly("distribution.withdrawals.error.notActive");
        assertThat(withdrawals.request(stranger.id(), new BigDecimal("20.00"), WithdrawalMethod.BANK, "x", null).refusals())
                .extracting(WithdrawalService.Refusal::messageKey)
                .containsExactly("distribution.withdrawals.error.notDistributor");
        assertThat(withdrawals.overview(stranger.id()).distributor()).isFalse();
    }

    @Test
    void blankAccountDetailsAreRefused() {
        TestCustomer gus = fixtures.distributorWithAvailable("Gus", "50.00");

        assertThat(withdrawals.request(gus.id(), new BigDecimal("20.00"), WithdrawalMethod.WECHAT, "   ", null).refusals())
                .extracting(WithdrawalService.Refusal::field).containsExactly("accountDetails");
    }

    @Test
    void theFeeIsAPercentOfTheAmountRoundedHalfUpToTheCentAndTheNetIsWhatIsLeft() {
        settings.update(withFee(original, "1.5"), "test");
        TestCustomer hal = fixtures.distributorWithAvailable("Hal", "50.00");

        long id = withdrawals.request(hal.id(), new BigDecimal("33.33"), WithdrawalMethod.BANK, "acct", null).withdrawalId();

        WithdrawalService.WithdrawalView view = withdrawals.historyOf(hal.id()).get(0);
        assertThat(view.id()).isEqualTo(id);
        assertThat(view.fee().amount()).isEqualByComparingTo("0.50"); // 0.49995 rounds half up
        assertThat(view.net().amount()).isEqualByComparingTo("32.83");
        assertThat(distribution.balancesOf(hal.id()).available().amount()).isEqualByComparingTo("16.67");
    }

    @Test
    void aFeeThatWouldTakeTheWholeAmountIsRefused() {
        settings.update(withMinimumAndFee(original, "0.01", "100"), "test");
        TestCustomer ivy = fixtures.distributorWithAvailable("Ivy", "50.00");

        assertThat(withdrawals.request(ivy.id(), new BigDecimal("10.00"), WithdrawalMethod.BANK, "acct", null).refusals())
                .extracting(WithdrawalService.Refusal::messageKey)
                .containsExactly("distribution.withdrawals.error.amount.nothingLeft");
    }

    @Test
    void rejectingAWithdrawalMakesItsMoneyAvailableAgainAndIsAudited() {
        TestCustomer jo = fixtures.distributorWithAvailable("Jo", "50.00");
        long id = withdrawals.request(jo.id(), new BigDecimal("30.00"), WithdrawalMethod.BANK, "acct", null).withdrawalId();
        assertThat(distribution.balancesOf(jo.id()).available().amount()).isEqualByComparingTo("20.00");
        assertThat(distribution.balancesOf(jo.id()).withdrawing().amount()).isEqualByComparingTo("30.00");

        withdrawals.reject(id, " account closed ", "owner@demo.micromall");

        assertThat(distribution.balancesOf(jo.id()).available().amount()).isEqualByComparingTo("50.00");
        assertThat(distribution.balancesOf(jo.id()).withdrawing().amount()).isEqualByComparingTo("0.00");
        WithdrawalService.WithdrawalView view = withdrawals.historyOf(jo.id()).get(0);
        assertThat(view.state()).isEqualTo(WithdrawalState.REJECTED);
        assertThat(view.rejectReason()).isEqualTo("account closed");
        assertThat(audit(id)).containsExactly("owner@demo.micromall|distribution.withdrawal.reject|REQUESTED 30.00 "
                + currency() + "|REJECTED 30.00 " + currency() + ": account closed");
    }

    @Test
    void payingAWithdrawalRecordsTheReferenceCountsItAsWithdrawnAndIsAudited() {
        TestCustomer kim = fixtures.distributorWithAvailable("Kim", "50.00");
        long id = withdrawals.request(kim.id(), new BigDecimal("30.00"), WithdrawalMethod.BANK, "acct", null).withdrawalId();

        withdrawals.pay(id, "BANK-REF-77", "owner@demo.micromall");

        WithdrawalService.WithdrawalView view = withdrawals.historyOf(kim.id()).get(0);
        assertThat(view.state()).isEqualTo(WithdrawalState.PAID);
        assertThat(view.paymentReference()).isEqualTo("BANK-REF-77");
        assertThat(view.decidedAt()).isNotNull();
        DistributionApi.Balances balances = distribution.balancesOf(kim.id());
        assertThat(balances.withdrawn().amount()).isEqualByComparingTo("30.00");
        assertThat(balances.available().amount()).isEqualByComparingTo("20.00");
        assertThat(audit(id)).containsExactly("owner@demo.micromall|distribution.withdrawal.pay|REQUESTED 30.00 "
                + currency() + "|PAID 30.00 " + currency() + " ref BANK-REF-77");
    }

    @Test
    void aDecidedWithdrawalCannotBeDecidedAgainAndUnknownIdsAreNotFound() {
        TestCustomer lu = fixtures.distributorWithAvailable("Lu", "50.00");
        long id = withdrawals.request(lu.id(), new BigDecimal("30.00"), WithdrawalMethod.BANK, "acct", null).withdrawalId();
        withdrawals.pay(id, "REF-1", "owner@demo.micromall");

        assertThatThrownBy(() -> withdrawals.pay(id, "REF-2", "owner@demo.micromall"))
                .isInstanceOf(WithdrawalStateException.class);
        assertThatThrownBy(() -> withdrawals.reject(id, "oops", "owner@demo.micromall"))
                .isInstanceOf(WithdrawalStateException.class);
        assertThatThrownBy(() -> withdrawals.pay(Long.MAX_VALUE, "REF", "owner@demo.micromall"))
                .isInstanceOf(NotFoundException.class);
        assertThat(withdrawals.historyOf(lu.id()).get(0).paymentReference()).isEqualTo("REF-1");
        assertThat(audit(id)).hasSize(1);
    }

    @Test
    void aDistributorsHistoryHoldsOnlyTheirOwnWithdrawalsNewestFirst() {
        TestCustomer mo = fixtures.distributorWithAvailable("Mo", "50.00");
        TestCustomer ned = fixtures.distributorWithAvailable("Ned", "50.00");
        long first = withdrawals.request(mo.id(), new BigDecimal("10.00"), WithdrawalMethod.BANK, "mo-1", null).withdrawalId();
        long second = withdrawals.request(mo.id(), new BigDecimal("11.00"), WithdrawalMethod.BANK, "mo-2", null).withdrawalId();
        long neds = withdrawals.request(ned.id(), new BigDecimal("12.00"), WithdrawalMethod.BANK, "ned", null).withdrawalId();

        assertThat(withdrawals.historyOf(mo.id())).extracting(WithdrawalService.WithdrawalView::id)
                .containsExactly(second, first);
        assertThat(withdrawals.historyOf(ned.id())).extracting(WithdrawalService.WithdrawalView::id).containsExactly(neds);
    }

    @Test
    void aClawbackAfterTheWindowMakesTheBalanceNegativeAndBlocksWithdrawalsUntilEarnedBack() {
        TestCustomer oz = fixtures.distributorWithAvailable("Oz", "20.00");
        fixtures.entry(oz.id(), "CLAWBACK", "-30.00");

        WithdrawalService.Overview overview = withdrawals.overview(oz.id());
        assertThat(overview.negative()).isTrue();
        assertThat(overview.available().amount()).isEqualByComparingTo("-10.00");
        assertThat(overview.clawedBack().amount()).isEqualByComparingTo("30.00");
        assertThat(withdrawals.request(oz.id(), new BigDecimal("10.00"), WithdrawalMethod.BANK, "x", null).accepted()).isFalse();

        fixtures.entry(oz.id(), "COMMISSION", "25.00");
        assertThat(withdrawals.request(oz.id(), new BigDecimal("15.00"), WithdrawalMethod.BANK, "x", null).accepted()).isTrue();
        assertThat(withdrawals.request(oz.id(), new BigDecimal("10.00"), WithdrawalMethod.BANK, "x", null).accepted()).isFalse();
    }

    @Test
    void moneyEarnedThroughARealOrderBecomesWithdrawableAfterTheWindow() {
        TestCustomer pia = fixtures.distributor("Pia");
        fixtures.earnThroughAnOrder(pia, "200.00");

        Money available = distribution.balancesOf(pia.id()).available();
        assertThat(available.isPositive()).isTrue();
        assertThat(withdrawals.request(pia.id(), available.amount(), WithdrawalMethod.BANK, "acct", null).accepted()).isTrue();
    }

    private List<WithdrawalService.Outcome> concurrently(int threads,
                                                         java.util.concurrent.Callable<WithdrawalService.Outcome> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<WithdrawalService.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<WithdrawalService.Outcome> outcomes = new ArrayList<>();
            for (Future<WithdrawalService.Outcome> future : futures) {
                outcomes.add(future.get()); // an exception in any thread fails the test: refusals must be clean
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private BigDecimal requestedSum(TestCustomer distributor) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM withdrawal WHERE distributor_id = :d AND state = 'REQUESTED'")
                .param("d", distributor.id()).query(BigDecimal.class).single();
    }

    private List<String> audit(long withdrawalId) {
        return jdbc.sql("SELECT actor, action, old_value, new_value FROM audit_log WHERE subject = :s ORDER BY id")
                .param("s", "withdrawal:" + withdrawalId)
                .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .list();
    }

    private String currency() {
        return shopSettings.current().currency().getCurrencyCode();
    }

    private static DistributionSettings withFee(DistributionSettings s, String fee) {
        return withMinimumAndFee(s, s.withdrawalMinimum().toPlainString(), fee);
    }

    private static DistributionSettings withMinimumAndFee(DistributionSettings s, String minimum, String fee) {
        return new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(), s.attributionDays(),
                s.returnWindowDays(), s.welcomeKind(), s.welcomeValue(), s.welcomeCap(), s.storeCreditBonusPercent(),
                new BigDecimal(minimum), new BigDecimal(fee), s.monthlyBudget(), s.shareTexts());
    }
}
