package com.micromall.distribution.payout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.payout.WithdrawalFixtures;
import com.micromall.distribution.payout.WithdrawalMethod;
import com.micromall.distribution.payout.WithdrawalService;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MicromallTest
class WithdrawalPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService shopSettings;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired WithdrawalService withdrawals;

    OrderFixtures orders;
    WithdrawalFixtures fixtures;
    RequestPostProcessor owner;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        fixtures = new WithdrawalFixtures(orders, jdbc, carts, checkout, orderService, shopSettings, unfreezeJob);
        CustomerPrincipal ownerPrincipal = orders.owner();
        owner = user(ownerPrincipal);
    }

    @Test
    void aDistributorSeesTheBalanceTheRulesTheFormAndAnEmptyHistory() throws Exception {
        TestCustomer anna = fixtures.distributorWithAvailable("Anna", "50.00");

        Document page = page(anna);

        assertThat(page.getElementById("available-amount").text()).contains("50.00");
        assertThat(page.getElementById("withdrawal-rules").text()).contains("10.00").contains("No fee");
        assertThat(page.select("#withdrawal-form select#method option")).hasSize(5);
        assertThat(page.getElementById("withdrawal-history").text()).contains("No withdrawals yet.");
        assertThat(page.getElementById("negative-balance")).isNull();
    }

    @Test
    void visitorsAreSentToLogIn() throws Exception {
        mvc.perform(get("/distribution/withdrawals")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aCustomerWhoIsNotADistributorGetsAFriendlyLinkToDistribution() throws Exception {
        TestCustomer stranger = orders.customer("Stranger");

        Document page = page(stranger);

        assertThat(page.getElementById("not-distributor").select("a[href=/distribution]")).hasSize(1);
        assertThat(page.getElementById("withdrawal-form")).isNull();
    }

    @Test
    void aBadRequestIsShownAgainWithTheInputAndAnErrorNextToEachField() throws Exception {
        TestCustomer ben = fixtures.distributorWithAvailable("Ben", "50.00");

        Document page = Jsoup.parse(mvc.perform(post("/distribution/withdrawals").with(user(ben.principal())).with(csrf())
                        .param("amount", "12.345").param("method", "CASH_IN_HAND").param("accountDetails", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.getElementById("amount").val()).isEqualTo("12.345");
        assertThat(page.getElementById("amount-error").text()).contains("at most two decimals");
        assertThat(page.getElementById("method-error").text()).contains("choose how");
        assertThat(page.getElementById("accountDetails-error").text()).contains("where the money should go");
        assertThat(count(ben)).isZero();
    }

    @Test
    void askingForMoreThanIsAvailableNamesTheAvailableBalanceAndKeepsTheInput() throws Exception {
        TestCustomer chen = fixtures.distributorWithAvailable("Chen", "50.00");

        Document page = Jsoup.parse(mvc.perform(post("/distribution/withdrawals").with(user(chen.principal())).with(csrf())
                        .param("amount", "60").param("method", "WECHAT").param("accountDetails", "wx: chen_88"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.getElementById("amount-error").text()).contains("at most").contains("50.00");
        assertThat(page.getElementById("amount").val()).isEqualTo("60");
        assertThat(page.select("#method option[selected]").val()).isEqualTo("WECHAT");
        assertThat(page.getElementById("accountDetails").text()).isEqualTo("wx: chen_88");
        assertThat(count(chen)).isZero();
    }

    @Test
    void aGoodRequestRedirectsWithAMessageAndShowsInTheHistory() throws Exception {
        TestCustomer dina = fixtures.distributorWithAvailable("Dina", "50.00");

        mvc.perform(post("/distribution/withdrawals").with(user(dina.principal())).with(csrf())
                        .param("amount", "20.00").param("method", "ALIPAY").param("accountDetails", "dina@alipay.example"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/distribution/withdrawals"))
                .andExpect(flash().attribute("flashSuccess", "distribution.withdrawals.flash.requested"));

        Document page = page(dina);
        assertThat(page.getElementById("available-amount").text()).contains("30.00");
        assertThat(page.select("#withdrawal-history .mm-withdrawal")).singleElement().satisfies(item ->
                assertThat(item.text()).contains("20.00").contains("Requested").contains("Alipay")
                        .contains("dina@alipay.example"));
    }

    @Test
    void storeCreditDistributorsSeeTheWayToTheRewardsPageInsteadOfTheForm() throws Exception {
        TestCustomer eve = fixtures.distributorWithAvailable("Eve", "50.00");
        fixtures.rewardForm(eve.id(), "STORE_CREDIT");

        Document page = page(eve);

        assertThat(page.getElementById("withdrawal-form")).isNull();
        assertThat(page.select("#withdrawals-store-credit a[href=/distribution/rewards]")).hasSize(1);
        Document refused = Jsoup.parse(mvc.perform(post("/distribution/withdrawals").with(user(eve.principal())).with(csrf())
                        .param("amount", "20.00").param("method", "BANK").param("accountDetails", "acct"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select(".alert-danger").text()).contains("/distribution/rewards");
    }

    @Test
    void aNegativeBalanceIsExplainedWithTheClawbackOnItsOwnLine() throws Exception {
        TestCustomer fay = fixtures.distributorWithAvailable("Fay", "20.00");
        fixtures.entry(fay.id(), "CLAWBACK", "-30.00");

        Document page = page(fay);

        assertThat(page.getElementById("negative-balance").text()).contains("negative").contains("10.00");
        assertThat(page.getElementById("clawed-back").text()).contains("30.00");
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() throws Exception {
        TestCustomer gus = fixtures.distributorWithAvailable("Gus", "50.00");
        long id = request(gus, "20.00", "acct");

        mvc.perform(post("/distribution/withdrawals").with(user(gus.principal()))
                        .param("amount", "20.00").param("method", "BANK").param("accountDetails", "acct"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/withdrawals/" + id + "/pay").with(owner).param("paymentReference", "R"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/withdrawals/" + id + "/reject").with(owner).param("reason", "no"))
                .andExpect(status().isForbidden());
        assertThat(count(gus)).isEqualTo(1);
        assertThat(state(id)).isEqualTo("REQUESTED");
    }

    @Test
    void customersCannotOpenTheOwnersQueueOrItsCsvOrDecideAWithdrawal() throws Exception {
        TestCustomer hal = fixtures.distributorWithAvailable("Hal", "50.00");
        long id = request(hal, "20.00", "acct");
        RequestPostProcessor customer = user(hal.principal());

        mvc.perform(get("/admin/withdrawals").with(customer)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/withdrawals.csv").with(customer)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/withdrawals/" + id + "/pay").with(customer).with(csrf()).param("paymentReference", "R"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/withdrawals/" + id + "/reject").with(customer).with(csrf()).param("reason", "no"))
                .andExpect(status().isForbidden());
        assertThat(state(id)).isEqualTo("REQUESTED");
    }

    @Test
    void aDistributorNeverSeesAnotherDistributorsWithdrawals() throws Exception {
        TestCustomer ivy = fixtures.distributorWithAvailable("Ivy", "50.00");
        TestCustomer jo = fixtures.distributorWithAvailable("Jo", "50.00");
        long ivys = request(ivy, "20.00", "IVY-SECRET-ACCOUNT");

        Document page = Jsoup.parse(mvc.perform(get("/distribution/withdrawals").param("id", String.valueOf(ivys))
                        .with(user(jo.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.text()).doesNotContain("IVY-SECRET-ACCOUNT");
        assertThat(page.getElementById("withdrawal-" + ivys)).isNull();
        assertThat(page.getElementById("available-amount").text()).contains("50.00");
    }

    @Test
    void theOwnerSeesRequestedWithdrawalsWithNameEmailAndAccountDetails() throws Exception {
        TestCustomer kim = fixtures.distributorWithAvailable("Kim Owner-View", "50.00");
        long id = request(kim, "20.00", "ICBC 6222 1234");

        Document page = Jsoup.parse(mvc.perform(get("/admin/withdrawals").with(owner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.getElementById("withdrawal-" + id).text()).contains("Kim Owner-View").contains(kim.email())
                .contains("20.00").contains("ICBC 6222 1234").contains("Bank transfer");
        assertThat(page.select(".mm-admin-subnav a.active").attr("href")).isEqualTo("/admin/withdrawals");
        Document paid = Jsoup.parse(mvc.perform(get("/admin/withdrawals").param("state", "PAID").with(owner))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(paid.getElementById("withdrawal-" + id)).isNull();
    }

    @Test
    void theOwnerMarksAWithdrawalPaidOnlyWithAReferenceAndOnlyOnce() throws Exception {
        TestCustomer lu = fixtures.distributorWithAvailable("Lu", "50.00");
        long id = request(lu, "20.00", "acct");

        mvc.perform(post("/admin/withdrawals/" + id + "/pay").with(owner).with(csrf()).param("paymentReference", "  "))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "admin.withdrawals.error.reference"));
        assertThat(state(id)).isEqualTo("REQUESTED");

        mvc.perform(post("/admin/withdrawals/" + id + "/pay").with(owner).with(csrf()).param("paymentReference", "TX-991"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "admin.withdrawals.flash.paid"));
        assertThat(state(id)).isEqualTo("PAID");

        mvc.perform(post("/admin/withdrawals/" + id + "/reject").with(owner).with(csrf()).param("reason", "late"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "admin.withdrawals.error.decided"));
        assertThat(state(id)).isEqualTo("PAID");

        Document page = page(lu);
        assertThat(page.getElementById("withdrawal-" + id).text()).contains("Paid").contains("TX-991");
    }

    @Test
    void theOwnerRejectsWithAReasonAndTheDistributorSeesItAndHasTheMoneyBack() throws Exception {
        TestCustomer mo = fixtures.distributorWithAvailable("Mo", "50.00");
        long id = request(mo, "20.00", "acct");

        mvc.perform(post("/admin/withdrawals/" + id + "/reject").with(owner).with(csrf()).param("reason", ""))
                .andExpect(flash().attribute("flashError", "admin.withdrawals.error.reason"));
        mvc.perform(post("/admin/withdrawals/" + id + "/reject").with(owner).with(csrf())
                        .param("reason", "Account name does not match"))
                .andExpect(flash().attribute("flashSuccess", "admin.withdrawals.flash.rejected"));

        Document page = page(mo);
        assertThat(page.getElementById("withdrawal-" + id).text()).contains("Rejected").contains("Account name does not match");
        assertThat(page.getElementById("available-amount").text()).contains("50.00");
    }

    @Test
    void decidingAnUnknownWithdrawalIsNotFound() throws Exception {
        mvc.perform(post("/admin/withdrawals/" + Long.MAX_VALUE + "/pay").with(owner).with(csrf())
                .param("paymentReference", "R")).andExpect(status().isNotFound());
        mvc.perform(post("/admin/withdrawals/" + Long.MAX_VALUE + "/reject").with(owner).with(csrf())
                .param("reason", "R")).andExpect(status().isNotFound());
    }

    @Test
    void theBankCsvIsUtf8WithABomAndParsesBackWithChineseNamesCommasAndQuotes() throws Exception {
        TestCustomer chinese = fixtures.distributorWithAvailable("王小明", "50.00");
        TestCustomer quoted = fixtures.distributorWithAvailable("O'Brien, \"Bee\" Jr.", "50.00");
        long first = request(chinese, "20.00", "中国银行 6217 0000, 王小明");
        long second = request(quoted, "15.50", "line one\nline \"two\"");

        byte[] body = mvc.perform(get("/admin/withdrawals.csv").with(owner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(BOMInputStream.builder()
                        .setInputStream(new ByteArrayInputStream(body)).get(), StandardCharsets.UTF_8),
                CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("id", "name", "email", "method", "account_details",
                    "amount", "fee", "net", "currency", "requested_at");
            List<CSVRecord> records = parser.getRecords();
            CSVRecord a = records.stream().filter(r -> r.get("id").equals(String.valueOf(first))).findFirst().orElseThrow();
            CSVRecord b = records.stream().filter(r -> r.get("id").equals(String.valueOf(second))).findFirst().orElseThrow();
            assertThat(a.get("name")).isEqualTo("王小明");
            assertThat(a.get("account_details")).isEqualTo("中国银行 6217 0000, 王小明");
            assertThat(a.get("amount")).isEqualTo("20.00");
            assertThat(a.get("net")).isEqualTo("20.00");
            assertThat(a.get("currency")).isEqualTo(shopSettings.current().currency().getCurrencyCode());
            assertThat(b.get("name")).isEqualTo("O'Brien, \"Bee\" Jr.");
            assertThat(b.get("email")).isEqualTo(quoted.email());
            assertThat(b.get("account_details")).isEqualTo("line one\nline \"two\"");
            assertThat(b.get("method")).isEqualTo("BANK");
        }
    }

    @Test
    void theWithdrawalFormSentTwiceInARowAsksOnce() throws Exception {
        TestCustomer rae = fixtures.distributorWithAvailable("Rae", "50.00");
        String token = page(rae).selectFirst("#withdrawal-form input[name=requestToken]").val();
        assertThat(token).isNotBlank();

        for (String expected : new String[] {"distribution.withdrawals.flash.requested",
                "distribution.withdrawals.flash.alreadyRequested"}) {
            mvc.perform(post("/distribution/withdrawals").with(user(rae.principal())).with(csrf())
                            .param("requestToken", token).param("amount", "20.00").param("method", "BANK")
                            .param("accountDetails", "ICBC 6222"))
                    .andExpect(redirectedUrl("/distribution/withdrawals"))
                    .andExpect(flash().attribute("flashSuccess", expected));
        }

        assertThat(count(rae)).isEqualTo(1);
        assertThat(page(rae).getElementById("available-amount").text()).contains("30.00");
        // The next form is a new one: it may ask again.
        assertThat(page(rae).selectFirst("#withdrawal-form input[name=requestToken]").val()).isNotEqualTo(token);
    }

    @Test
    void theWithdrawalFormSentFromTwoTabsAtOnceAsksOnce() throws Exception {
        TestCustomer sol = fixtures.distributorWithAvailable("Sol", "50.00");
        String token = page(sol).selectFirst("#withdrawal-form input[name=requestToken]").val();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return mvc.perform(post("/distribution/withdrawals").with(user(sol.principal())).with(csrf())
                                    .param("requestToken", token).param("amount", "20.00").param("method", "BANK")
                                    .param("accountDetails", "ICBC 6222"))
                            .andReturn().getResponse().getStatus();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(302);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count(sol)).isEqualTo(1);
    }

    @Test
    void theOwnersDecisionSentTwiceIsTakenOnceAndReportedAsDone() throws Exception {
        TestCustomer tam = fixtures.distributorWithAvailable("Tam", "50.00");
        long paid = request(tam, "20.00", "acct-1");
        long rejected = request(tam, "15.00", "acct-2");

        for (String expected : new String[] {"admin.withdrawals.flash.paid", "admin.withdrawals.flash.alreadyDecided"}) {
            mvc.perform(post("/admin/withdrawals/" + paid + "/pay").with(owner).with(csrf())
                            .param("paymentReference", "BANK-REF-1"))
                    .andExpect(flash().attribute("flashSuccess", expected));
        }
        for (String expected : new String[] {"admin.withdrawals.flash.rejected", "admin.withdrawals.flash.alreadyDecided"}) {
            mvc.perform(post("/admin/withdrawals/" + rejected + "/reject").with(owner).with(csrf())
                            .param("reason", "wrong account"))
                    .andExpect(flash().attribute("flashSuccess", expected));
        }
        // Rejecting what was paid is still refused, with a message.
        mvc.perform(post("/admin/withdrawals/" + paid + "/reject").with(owner).with(csrf()).param("reason", "oops"))
                .andExpect(flash().attribute("flashError", "admin.withdrawals.error.decided"));

        assertThat(state(paid)).isEqualTo("PAID");
        assertThat(state(rejected)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject IN (:a, :b)")
                .param("a", "withdrawal:" + paid).param("b", "withdrawal:" + rejected).query(Long.class).single())
                .isEqualTo(2);
        assertThat(page(tam).getElementById("available-amount").text()).contains("30.00");
    }

    private Document page(TestCustomer customer) throws Exception {
        return Jsoup.parse(mvc.perform(get("/distribution/withdrawals").with(user(customer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long request(TestCustomer distributor, String amount, String details) {
        WithdrawalService.Outcome outcome = withdrawals.request(distributor.id(), new BigDecimal(amount),
                WithdrawalMethod.BANK, details, null);
        assertThat(outcome.accepted()).as("%s", outcome.refusals()).isTrue();
        return outcome.withdrawalId();
    }

    private long count(TestCustomer distributor) {
        return jdbc.sql("SELECT COUNT(*) FROM withdrawal WHERE distributor_id = :d").param("d", distributor.id())
                .query(Long.class).single();
    }

    private String state(long id) {
        return jdbc.sql("SELECT state FROM withdrawal WHERE id = :id").param("id", id).query(String.class).single();
    }
}
