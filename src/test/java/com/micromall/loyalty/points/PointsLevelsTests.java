package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.MemberLevelReached;
import com.micromall.loyalty.levels.LevelBasis;
import com.micromall.loyalty.levels.LevelRecompute;
import com.micromall.loyalty.levels.LevelRecompute.Move;
import com.micromall.loyalty.levels.MemberLevel;
import com.micromall.loyalty.levels.MemberLevels;
import com.micromall.loyalty.levels.MemberLevels.LevelTerms;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member levels counted in points earned (the owner's other choice besides spend), on PostgreSQL: points earned lift
 * a customer at once, exactly at the threshold; refunds take back from the count but never demote mid-period; spending
 * points does not lower it; the owner switches the basis on the levels page. Levels apply to every checkout, so each
 * test removes what it added and puts the basis back.
 */
@MicromallTest
@RecordApplicationEvents
class PointsLevelsTests {

    @Autowired PointsBook book;
    @Autowired MemberLevels levels;
    @Autowired LevelRecompute recompute;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEvents events;
    @Autowired TransactionTemplate transactions;

    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        cleanUp();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM loyalty_membership").update();
        jdbc.sql("DELETE FROM loyalty_level").update();
        jdbc.sql("UPDATE loyalty_level_basis SET basis = 'SPEND' WHERE id = 1").update();
    }

    private void threeLevelsInPoints() {
        jdbc.sql("UPDATE loyalty_level_basis SET basis = 'POINTS' WHERE id = 1").update();
        levels.add(new LevelTerms("Member", BigDecimal.ZERO, BigDecimal.ZERO), UUID.randomUUID().toString());
        levels.add(new LevelTerms("Silver", new BigDecimal("100"), new BigDecimal("3")), UUID.randomUUID().toString());
        levels.add(new LevelTerms("Gold", new BigDecimal("300"), new BigDecimal("5")), UUID.randomUUID().toString());
    }

    private static long someOrder() {
        return -ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000_000L);
    }

    /** Points earned on an order of {@code base} paid for goods, frozen for a week. */
    private long earn(long customerId, long points, String base) {
        long order = someOrder();
        book.earn(customerId, PointsBook.ORDER, Long.toString(order), points, order, "MM-L" + order,
                new BigDecimal(base), Instant.now().plusSeconds(7 * 86_400), null);
        return order;
    }

    private String levelName(long customerId) {
        return levels.levelOf(customerId).map(MemberLevel::name).orElse("none");
    }

    private long announcements(long customerId) {
        return events.stream(MemberLevelReached.class).filter(e -> e.customerId() == customerId).count();
    }

    @Test
    void pointsEarnedExactlyAtTheThresholdLiftTheCustomerAtOnceAndOneBelowDoNot() {
        threeLevelsInPoints();
        TestCustomer exactly = orders.customer("Points Exactly Gold");
        TestCustomer below = orders.customer("Points One Below");

        earn(exactly.id(), 200, "200.00");
        earn(exactly.id(), 100, "100.00");
        earn(below.id(), 299, "299.00");

        assertThat(levelName(exactly.id())).as("lifted when the points were recorded, no recompute run").isEqualTo("Gold");
        assertThat(levelName(below.id())).isEqualTo("Silver");
        assertThat(events.stream(MemberLevelReached.class).filter(e -> e.customerId() == exactly.id())
                .map(MemberLevelReached::levelName)).containsExactly("Silver", "Gold");
        assertThat(recompute.recompute(exactly.id(), Instant.now())).as("running it again changes nothing")
                .isEqualTo(Move.NONE);
        assertThat(announcements(exactly.id())).isEqualTo(2);
    }

    @Test
    void refundsTakePointsOffTheCountButSpendingDoesNotAndNobodyIsDemotedMidPeriod() {
        threeLevelsInPoints();
        TestCustomer buyer = orders.customer("Points Refunder");
        long order = earn(buyer.id(), 320, "320.00");
        assertThat(levelName(buyer.id())).isEqualTo("Gold");

        book.orderRefunded(order, "R1", new BigDecimal("120.00"), false); // 120 of 320 points taken back
        assertThat(levels.standingOf(buyer.id()).progress()).isEqualByComparingTo("200");
        assertThat(recompute.recompute(buyer.id(), Instant.now())).isEqualTo(Move.NONE);
        assertThat(levelName(buyer.id())).as("held for its 12 months").isEqualTo("Gold");

        book.unfreezeDue(buyer.id(), Instant.now().plusSeconds(8 * 86_400));
        long spendOrder = someOrder();
        transactions.executeWithoutResult(status -> book.spend(buyer.id(), spendOrder, "MM-S" + spendOrder, 150,
                new BigDecimal("50.00")));
        assertThat(levels.standingOf(buyer.id()).progress()).as("spent points were still earned")
                .isEqualByComparingTo("200");
    }

    @Test
    void underTheSpendBasisEarningPointsMovesNobody() {
        jdbc.sql("UPDATE loyalty_level_basis SET basis = 'SPEND' WHERE id = 1").update();
        levels.add(new LevelTerms("Silver", new BigDecimal("100.00"), new BigDecimal("3")), UUID.randomUUID().toString());
        TestCustomer buyer = orders.customer("Points Under Spend");

        earn(buyer.id(), 500, "500.00");

        assertThat(levelName(buyer.id())).isEqualTo("none");
        assertThat(levels.standingOf(buyer.id()).progress()).as("no spend recorded").isEqualByComparingTo("0");
    }

    @Test
    void theNightlyRunLooksAtCustomersWhoOnlyEarnedPoints() {
        threeLevelsInPoints();
        TestCustomer sharer = orders.customer("Points Only Sharer");
        earn(sharer.id(), 150, "0.00");
        jdbc.sql("DELETE FROM loyalty_membership WHERE customer_id = :c").param("c", sharer.id()).update();

        assertThat(recompute.customersToRecompute(Instant.now())).contains(sharer.id());
        recompute.recomputeNightly();
        assertThat(levelName(sharer.id())).isEqualTo("Silver");
    }

    @Test
    void theAccountPageShowsThePointsEarnedAndThePointsToTheNextLevel() throws Exception {
        threeLevelsInPoints();
        TestCustomer buyer = orders.customer("Points Reader");
        earn(buyer.id(), 180, "180.00");

        Document account = Jsoup.parse(mvc.perform(get("/account").with(user(buyer.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(account.selectFirst("#member-level-name").text()).isEqualTo("Silver");
        assertThat(account.selectFirst("#member-level-spend").text()).isEqualTo("180 points earned in the last 12 months");
        assertThat(account.selectFirst("#member-level-next").text()).isEqualTo("120 more points this year to Gold (5 % off)");
    }

    @Test
    void theOwnerSwitchesTheBasisAndTheThresholdsAreThenWholePoints() throws Exception {
        CustomerPrincipal owner = orders.owner();
        mvc.perform(post("/admin/loyalty/levels/basis").with(user(owner)).with(csrf()).param("basis", "POINTS"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "loyalty.levels.flash.basis.POINTS"));
        assertThat(levels.measure().basis()).isEqualTo(LevelBasis.POINTS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'loyalty.levels.basis' AND new_value = 'POINTS'")
                .query(Long.class).single()).isPositive();

        Document refused = Jsoup.parse(mvc.perform(post("/admin/loyalty/levels").with(user(owner)).with(csrf())
                        .locale(Locale.ENGLISH).param("name", "Half").param("threshold", "12.5")
                        .param("discountPercent", "2").param("formToken", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.selectFirst("#threshold").val()).isEqualTo("12.5");
        assertThat(refused.selectFirst("#threshold-error").text()).contains("whole number of points");
        assertThat(refused.selectFirst("label[for=threshold]").text()).isEqualTo("Points earned in 12 months from");

        mvc.perform(post("/admin/loyalty/levels").with(user(owner)).with(csrf()).param("name", "Thousand")
                        .param("threshold", "1000").param("discountPercent", "6")
                        .param("formToken", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection());
        Document page = Jsoup.parse(mvc.perform(get("/admin/loyalty/levels").with(user(owner)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#levels-table td[data-column=threshold]").eachText()).containsExactly("1,000 points");
        assertThat(page.selectFirst("#basis-POINTS").hasAttr("checked")).isTrue();

        mvc.perform(post("/admin/loyalty/levels/basis").with(user(owner)).with(csrf()).param("basis", "EVERYTHING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "loyalty.levels.validation.basis"));
        assertThat(levels.measure().basis()).as("an unknown choice changes nothing").isEqualTo(LevelBasis.POINTS);
    }

    @Test
    void staffCannotSwitchTheBasis() throws Exception {
        TestCustomer account = orders.customer("Basis Staff");
        CustomerPrincipal staff = new CustomerPrincipal(account.id(), account.email(), "x", account.name(),
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
        mvc.perform(post("/admin/loyalty/levels/basis").with(user(staff)).with(csrf()).param("basis", "POINTS"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/levels/basis").with(user(orders.owner())).param("basis", "POINTS"))
                .andExpect(status().isForbidden());
        assertThat(levels.measure().basis()).isEqualTo(LevelBasis.SPEND);
    }
}
