package com.micromall.distribution.reporting;

import com.micromall.distribution.ledger.LedgerFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The owner's distributors roll, its CSV export and the yearly statement. */
@MicromallTest
class AdminDistributorsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;

    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
    }

    private MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder request) {
        return request.with(user(OWNER).roles("OWNER"));
    }

    private Document roll(String query, String sort) throws Exception {
        return Jsoup.parse(mvc.perform(owner(get("/admin/distributors").param("q", query).param("sort", sort)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theRollShowsContactDataReferredCustomersOrdersGmvAndCommissionByState() throws Exception {
        String name = OrderFixtures.unique("Rolly");
        TestCustomer sharer = fixtures.distributor(name);
        TestCustomer friend = fixtures.referredBy(sharer, "Friend");
        fixtures.referredBy(sharer, "Friend who has not bought yet");
        long product = fixtures.orders.product("Tea", "50.00", 10);
        String number = fixtures.place(friend, product, 1);
        fixtures.complete(number);
        BigDecimal paid = jdbc.sql("""
                SELECT SUM(l.paid_amount) FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE o.number = ?""")
                .param(number).query(BigDecimal.class).single();
        BigDecimal commission = jdbc.sql("SELECT SUM(amount) FROM commission_entry WHERE distributor_id = ?")
                .param(sharer.id()).query(BigDecimal.class).single();

        Element row = roll(name, "NAME").selectFirst("#distributor-" + sharer.id());
        assertThat(row).isNotNull();
        assertThat(row.text()).contains(name, sharer.email(), "555-0100", "wx_test");
        assertThat(row.select("td").get(3).text()).isEqualTo("2");
        assertThat(row.select("td").get(4).text()).isEqualTo("1");
        assertThat(row.select("td").get(5).text()).contains(paid.toPlainString());
        assertThat(row.select("td").get(6).text()).contains(commission.toPlainString());
        assertThat(row.select("td").get(7).text()).contains("0.00");
    }

    @Test
    void theRollCountsASingleDistributorInTheSingularInEveryLanguage() throws Exception {
        String name = OrderFixtures.unique("Lonely");
        fixtures.distributor(name);
        for (String[] expected : new String[][] {{"en", "1 distributor", "1 distributors"},
                {"zh_CN", "共 1 位分销员", "1 distributor"}, {"zh_TW", "共 1 位分銷員", "1 distributor"},
                {"fil", "1 distributor", "1 na distributor"}}) {
            Document page = Jsoup.parse(mvc.perform(owner(get("/admin/distributors").param("q", name)
                            .param("lang", expected[0])))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("#distributors tbody tr")).hasSize(1);
            assertThat(page.select("p").eachText()).as(expected[0]).contains(expected[1]).doesNotContain(expected[2]);
        }
    }

    @Test
    void searchFindsByCodeAndAnUnknownSortFallsBackToNameInsteadOfFailing() throws Exception {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Coded"));
        String code = jdbc.sql("SELECT code FROM distributor WHERE customer_id = ?").param(sharer.id())
                .query(String.class).single();
        Document page = roll(code.toLowerCase(), "gmv; DROP TABLE distributor");
        assertThat(page.select("#distributors tbody tr")).hasSize(1);
        assertThat(page.select("#sort option[selected]").val()).isEqualTo("NAME");
        assertThat(roll("", "COMMISSION").select("#distributors tbody tr")).isNotEmpty();
    }

    @Test
    void sortingByReferredPutsTheBiggerNetworkFirst() throws Exception {
        String prefix = OrderFixtures.unique("Sorted");
        TestCustomer small = fixtures.distributor(prefix + " A");
        TestCustomer big = fixtures.distributor(prefix + " B");
        fixtures.referredBy(small, "x");
        fixtures.referredBy(big, "y");
        fixtures.referredBy(big, "z");
        assertThat(roll(prefix, "REFERRED").select("#distributors tbody tr").eachAttr("id"))
                .containsExactly("distributor-" + big.id(), "distributor-" + small.id());
        assertThat(roll(prefix, "NAME").select("#distributors tbody tr").eachAttr("id"))
                .containsExactly("distributor-" + small.id(), "distributor-" + big.id());
    }

    @Test
    void sortingByCommissionPutsTheBiggerEarnerFirstInASearchAndOnTheWholeRoll() throws Exception {
        String prefix = OrderFixtures.unique("Earning");
        TestCustomer idle = fixtures.distributor(prefix + " A");
        TestCustomer earner = fixtures.distributor(prefix + " B");
        long product = fixtures.orders.product("Oolong", "80.00", 10);
        fixtures.complete(fixtures.place(fixtures.referredBy(earner, "Buyer"), product, 1));
        assertThat(roll(prefix, "COMMISSION").select("#distributors tbody tr").eachAttr("id"))
                .containsExactly("distributor-" + earner.id(), "distributor-" + idle.id());

        List<Long> shown = roll("", "COMMISSION").select("#distributors tbody tr").eachAttr("id").stream()
                .map(id -> Long.parseLong(id.substring("distributor-".length()))).toList();
        List<BigDecimal> earned = shown.stream().map(id -> jdbc.sql(
                "SELECT earned FROM distributor_account WHERE distributor_id = ?").param(id).query(BigDecimal.class)
                .single()).toList();
        assertThat(shown).isNotEmpty();
        assertThat(earned).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void theRollShowsANewNameAndANewStatusWithoutBeingRebuilt() throws Exception {
        String name = OrderFixtures.unique("Renamed");
        TestCustomer sharer = fixtures.distributor(name);
        mvc.perform(post("/account/profile").with(csrf()).with(user(sharer.principal()))
                        .param("name", name + " Lee").param("phone", "555-0199").param("wechatId", "wx_new"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(owner(post("/admin/distributors/{id}/suspend", sharer.id()).with(csrf())))
                .andExpect(redirectedUrl("/admin/distributors"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Element row = roll(name, "NAME").selectFirst("#distributor-" + sharer.id());
            assertThat(row).isNotNull();
            assertThat(row.text()).contains(name + " Lee", "555-0199", "wx_new");
        });
        Element row = roll(name, "NAME").selectFirst("#distributor-" + sharer.id());
        assertThat(row.select(".badge").text()).isEqualTo("Suspended");
    }

    @Test
    void theOwnerSuspendsReactivatesAndApprovesAndEachStepIsAudited() throws Exception {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Suspended"));
        mvc.perform(owner(post("/admin/distributors/{id}/suspend", sharer.id()).with(csrf())))
                .andExpect(redirectedUrl("/admin/distributors"))
                .andExpect(flash().attribute("flashSuccess", "admin.distributors.suspended"));
        assertThat(statusOf(sharer)).isEqualTo("SUSPENDED");
        mvc.perform(owner(post("/admin/distributors/{id}/suspend", sharer.id()).with(csrf())))
                .andExpect(flash().attribute("flashError", "admin.distributors.error.state"));
        mvc.perform(owner(post("/admin/distributors/{id}/reactivate", sharer.id()).with(csrf())))
                .andExpect(flash().attribute("flashSuccess", "admin.distributors.reactivated"));
        assertThat(statusOf(sharer)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject = ? AND actor = ?")
                .param("customer " + sharer.id()).param(OWNER).query(Long.class).single()).isEqualTo(2);

        TestCustomer applicant = fixtures.orders.customer(OrderFixtures.unique("Applicant"));
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (?, ?, 'PENDING', ?)")
                .params(applicant.id(), OrderFixtures.unique("P").substring(0, 8).toUpperCase(), Timestamp.from(Instant.now()))
                .update();
        fixtures.totals(applicant.id());
        assertThat(roll(applicant.name(), "NAME").select("form[action$=/approve] button")).hasSize(1);
        mvc.perform(owner(post("/admin/distributors/{id}/approve", applicant.id()).with(csrf())))
                .andExpect(flash().attribute("flashSuccess", "admin.distributors.approved"));
        assertThat(statusOf(applicant)).isEqualTo("ACTIVE");
    }

    @Test
    void stepsOnAnUnknownDistributorAre404AndWithoutCsrfAre403() throws Exception {
        mvc.perform(owner(post("/admin/distributors/{id}/suspend", 987654321L).with(csrf())))
                .andExpect(status().isNotFound());
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Csrf"));
        mvc.perform(owner(post("/admin/distributors/{id}/suspend", sharer.id()))).andExpect(status().isForbidden());
        assertThat(statusOf(sharer)).isEqualTo("ACTIVE");
    }

    @Test
    void customersCannotOpenTheRollTheExportsOrTheSteps() throws Exception {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Private"));
        var customer = user(sharer.email()).roles("CUSTOMER");
        mvc.perform(get("/admin/distributors").with(customer)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/distributors.csv").with(customer)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/distributors/{id}/statement.csv", sharer.id()).param("year", "2026").with(customer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/distributors/{id}/suspend", sharer.id()).with(csrf()).with(customer))
                .andExpect(status().isForbidden());
        assertThat(statusOf(sharer)).isEqualTo("ACTIVE");
    }

    @Test
    void theCsvExportKeepsChineseNamesCommasAndQuotesExactlyForExcel() throws Exception {
        String token = OrderFixtures.unique("csv");
        String chinese = "王小明 " + token;
        String quoted = "Li, \"Lucky\" Wang " + token;
        TestCustomer first = fixtures.distributor(chinese);
        fixtures.distributor(quoted);
        fixtures.referredBy(first, "Friend");

        byte[] body = mvc.perform(owner(get("/admin/distributors.csv").param("q", token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records;
        try (Reader reader = new InputStreamReader(BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(body)).get(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.EXCEL)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).get(0)).isEqualTo("Name");
        assertThat(records.get(0).size()).isEqualTo(13);
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(0)).containsExactly(quoted, chinese);
        CSVRecord anna = records.get(2);
        assertThat(anna.get(1)).isEqualTo(first.email());
        assertThat(anna.get(3)).isEqualTo("wx_test");
        assertThat(anna.get(6)).isEqualTo("1");
    }

    @Test
    void theYearlyStatementSumsCreditedReversedAndPaidOutPerMonth() throws Exception {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Statement"));
        TestCustomer friend = fixtures.referredBy(sharer, "Friend");
        long product = fixtures.orders.product("Tea", "40.00", 10);
        String number = fixtures.place(friend, product, 2);
        fixtures.complete(number);
        fixtures.refund(number, fixtures.lineIds(number).get(0), 1);
        BigDecimal credited = sum("SELECT SUM(amount) FROM commission_entry WHERE distributor_id = ? AND kind = 'COMMISSION'", sharer);
        BigDecimal reversed = sum("SELECT -SUM(amount) FROM commission_entry WHERE distributor_id = ? AND kind = 'REVERSAL'", sharer);
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO withdrawal (distributor_id, amount, fee, net, currency, method, account_details, state,
                    requested_at, decided_at, decided_by, payment_ref)
                VALUES (?, 1.50, 0, 1.50, 'CNY', 'BANK', 'x', 'PAID', ?, ?, 'owner', 'ref')""")
                .params(sharer.id(), Timestamp.from(now), Timestamp.from(now)).update();
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        int month = LocalDate.now(ZoneOffset.UTC).getMonthValue();

        byte[] body = mvc.perform(owner(get("/admin/distributors/{id}/statement.csv", sharer.id())
                .param("year", Integer.toString(year)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        List<CSVRecord> records;
        try (Reader reader = new InputStreamReader(BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(body)).get(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.EXCEL)) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(14);
        CSVRecord thisMonth = records.get(month);
        assertThat(thisMonth.get(0)).isEqualTo(String.format("%d-%02d", year, month));
        assertThat(new BigDecimal(thisMonth.get(4))).isEqualByComparingTo(credited);
        assertThat(new BigDecimal(thisMonth.get(5))).isEqualByComparingTo(reversed).isPositive();
        assertThat(new BigDecimal(thisMonth.get(8))).isEqualByComparingTo("1.50");
        CSVRecord total = records.get(13);
        assertThat(new BigDecimal(total.get(4))).isEqualByComparingTo(credited);
        assertThat(new BigDecimal(total.get(8))).isEqualByComparingTo("1.50");
    }

    @Test
    void aStatementForABadYearGoesBackWithAMessageAndForAnUnknownDistributorIs404() throws Exception {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Year"));
        mvc.perform(owner(get("/admin/distributors/{id}/statement.csv", sharer.id()).param("year", "20x6")))
                .andExpect(redirectedUrl("/admin/distributors"))
                .andExpect(flash().attribute("flashError", "admin.distributors.error.year"));
        mvc.perform(owner(get("/admin/distributors/{id}/statement.csv", sharer.id()).param("year", "1999")))
                .andExpect(redirectedUrl("/admin/distributors"));
        mvc.perform(owner(get("/admin/distributors/{id}/statement.csv", 987654321L).param("year", "2026")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOverviewShowsTheReferralShareThroughThePanelTheOrderModuleDoesNotKnow() throws Exception {
        long[] before = referredOfAll();
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Overview"));
        TestCustomer friend = fixtures.referredBy(sharer, "Friend");
        fixtures.place(friend, fixtures.orders.product("Tea", "20.00", 10), 1);
        long[] after = referredOfAll();
        assertThat(after[0]).isEqualTo(before[0] + 1);
        assertThat(after[1]).isEqualTo(before[1] + 1);
        Document page = Jsoup.parse(mvc.perform(owner(get("/admin"))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#liability dd")).hasSize(5);
        assertThat(page.select("#top-distributors li").size()).isBetween(1, 5);
        assertThat(page.select("#new-customers").text()).startsWith("New customers this month:");
    }

    /** "X of Y orders" under the all-time referred orders figure on /admin. */
    private long[] referredOfAll() throws Exception {
        Document page = Jsoup.parse(mvc.perform(owner(get("/admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        String text = page.select("#referral-orders-all + div").text().replace(",", "");
        String[] words = text.split(" ");
        return new long[] {Long.parseLong(words[0]), Long.parseLong(words[2])};
    }

    private String statusOf(TestCustomer customer) {
        return jdbc.sql("SELECT status FROM distributor WHERE customer_id = ?").param(customer.id())
                .query(String.class).single();
    }

    private BigDecimal sum(String sql, TestCustomer customer) {
        return jdbc.sql(sql).param(customer.id()).query(BigDecimal.class).single();
    }
}
