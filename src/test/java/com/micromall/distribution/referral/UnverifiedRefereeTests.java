package com.micromall.distribution.referral;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.payout.WithdrawalFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.internal.AccountTokens;
import com.micromall.customer.internal.EmailVerification;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.DistributionApi.LedgerLine;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer whose e-mail address is not verified can shop, but cannot withdraw, and the
 * commission their orders earn a referrer waits on hold until they verify.
 */
@MicromallTest
class UnverifiedRefereeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService shopSettings;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired DistributionApi distribution;
    @Autowired DistributionSettingsService settings;
    @Autowired AccountTokens tokens;
    @Autowired EmailVerification verification;
    @Autowired TransactionTemplate transactions;

    LedgerFixtures ledger;
    WithdrawalFixtures withdrawals;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
        withdrawals = new WithdrawalFixtures(orders, jdbc, carts, checkout, orderService, shopSettings, unfreezeJob);
        original = settings.current();
        settings.update(new DistributionSettings(original.enrolmentRule(), original.level1Percent(),
                original.level2Percent(), original.attributionDays(), original.returnWindowDays(),
                DistributionSettings.WelcomeKind.PERCENT, BigDecimal.ZERO, null, original.storeCreditBonusPercent(),
                original.withdrawalMinimum(), original.withdrawalFeePercent(), null, original.shareTexts()), "test");
    }

    @AfterEach
    void restoreSettings() {
        settings.update(original, "test");
    }

    @Test
    void anUnverifiedDistributorsWithdrawalIsRefusedWithALinkToAskForTheMailAgain() throws Exception {
        TestCustomer ursula = withdrawals.distributorWithAvailable("Ursula", "50.00");
        unverify(ursula);

        Document page = Jsoup.parse(mvc.perform(post("/distribution/withdrawals").with(user(ursula.principal())).with(csrf())
                        .param("amount", "20.00").param("method", "ALIPAY").param("accountDetails", "u@alipay.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.select(".alert-danger").text()).contains("Withdrawals need a confirmed e-mail address");
        assertThat(page.select("#withdrawals-unverified form[action=/account/verification]")).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM withdrawal WHERE distributor_id = :d").param("d", ursula.id())
                .query(Long.class).single()).isZero();
        Document verifiedPage = Jsoup.parse(mvc.perform(get("/distribution/withdrawals").with(user(
                withdrawals.distributorWithAvailable("Vic", "50.00").principal())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(verifiedPage.getElementById("withdrawals-unverified")).isNull();
    }

    @Test
    void anUnverifiedRefereesOrderEarnsTheReferrerCommissionOnHoldUntilTheRefereeVerifies() {
        TestCustomer anna = ledger.distributor("Anna");
        TestCustomer ben = ledger.referredBy(anna, "Ben");
        unverify(ben);
        long product = ledger.orders.product("Tea", "50.00", 10);

        String number = ledger.place(ben, product, 1);
        ledger.complete(number);

        assertThat(commissions(anna)).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo("ON_HOLD");
            assertThat(entry.holdReason()).isEqualTo("UNVERIFIED_REFEREE");
        });
        BigDecimal heldAmount = commissions(anna).get(0).amount().amount();
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo("0");

        String token = transactions.execute(s -> tokens.issue(ben.id(), AccountTokens.Purpose.EMAIL_VERIFICATION));
        assertThat(verification.verify(token)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> commissions(anna).get(0).state().equals("FROZEN"));
        LedgerLine released = commissions(anna).get(0);
        assertThat(released.timeline()).extracting(DistributionApi.LedgerStep::state).containsExactly("ON_HOLD", "FROZEN");
        assertThat(released.timeline().get(1).note()).contains("verified");
        assertThat(distribution.balancesOf(anna.id()).frozen().amount()).isEqualByComparingTo(heldAmount);
    }

    @Test
    void aVerifiedRefereesOrderIsCreditedFrozenAsBefore() {
        TestCustomer anna = ledger.distributor("Anna");
        TestCustomer cleo = ledger.referredBy(anna, "Cleo");
        long product = ledger.orders.product("Tea", "50.00", 10);

        String number = ledger.place(cleo, product, 1);
        ledger.complete(number);

        assertThat(commissions(anna)).singleElement().satisfies(entry -> assertThat(entry.state()).isEqualTo("FROZEN"));
    }

    private void unverify(TestCustomer customer) {
        jdbc.sql("UPDATE customer SET email_verified_at = NULL WHERE id = :id").param("id", customer.id()).update();
    }

    private List<LedgerLine> commissions(TestCustomer distributor) {
        return distribution.ledgerOf(distributor.id()).stream().filter(l -> l.kind().equals("COMMISSION")).toList();
    }
}
