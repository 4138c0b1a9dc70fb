package com.micromall.care.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The follow-up queue (assign, done with a note, once) and the owner's score page. */
@MicromallTest
class AdminSatisfactionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired SatisfactionSurveys surveys;

    OrderFixtures orders;
    SatisfactionFixtures fixtures;
    TestCustomer buyer;
    CustomerPrincipal owner;
    long product;
    String productName;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        fixtures = new SatisfactionFixtures(surveys, jdbc);
        buyer = orders.customer("Una Happy");
        owner = orders.owner();
        product = orders.product("Queue lamp", "10.00", 10);
        productName = orders.productName(product);
    }

    private Document admin(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).locale(Locale.ENGLISH).with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String detractor(String comment) {
        String number = fixtures.completedOrder(buyer.id(), Instant.now(), product, productName);
        surveys.answerAsBuyer(surveys.ofCustomer(buyer.id(), number).orElseThrow(), 2, comment);
        return number;
    }

    private long taskOf(String number) {
        return jdbc.sql("""
                        SELECT f.id FROM satisfaction_follow_up f JOIN satisfaction_survey s ON s.id = f.survey_id
                        WHERE s.order_number = :n""").param("n", number).query(Long.class).single();
    }

    @Test
    void anUnhappyAnswerShowsInTheQueueWithItsCommentDueTwoDaysLater() throws Exception {
        String number = detractor("The lamp flickers");
        Element task = admin("/admin/care/follow-ups").getElementById("task-" + taskOf(number));
        assertThat(task).isNotNull();
        assertThat(task.text()).contains(number, "Una Happy", "The lamp flickers", "due");
        assertThat(task.select("select[name=assigneeId] option").eachText()).contains("Demo Owner");
        Instant[] times = jdbc.sql("SELECT created_at, due_at FROM satisfaction_follow_up WHERE id = :id")
                .param("id", taskOf(number))
                .query((rs, i) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()})
                .single();
        assertThat(java.time.Duration.between(times[0], times[1])).isEqualTo(java.time.Duration.ofDays(2));
    }

    @Test
    void aTaskIsAssignedOnlyToSomeoneWhoRunsTheShop() throws Exception {
        long task = taskOf(detractor("Broken"));
        mvc.perform(post("/admin/care/follow-ups/" + task + "/assign").param("assigneeId", "" + buyer.id())
                .with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT assignee_id FROM satisfaction_follow_up WHERE id = :id").param("id", task)
                .query(Long.class).optional()).isEmpty();

        mvc.perform(post("/admin/care/follow-ups/" + task + "/assign").param("assigneeId", "" + owner.getCustomerId())
                .with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT assignee_id FROM satisfaction_follow_up WHERE id = :id").param("id", task)
                .query(Long.class).single()).isEqualTo(owner.getCustomerId());
    }

    @Test
    void markingDoneNeedsANoteAndHappensOnceHoweverOftenItIsSent() throws Exception {
        String number = detractor("Wrong colour");
        long task = taskOf(number);

        Document blank = Jsoup.parse(mvc.perform(post("/admin/care/follow-ups/" + task + "/done").param("note", " ")
                        .locale(Locale.ENGLISH).with(user(owner)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank.select("#note-" + task + "-error").text()).contains("Please note what was done");

        for (String note : new String[] {"Called her, sending a new one", "second click"}) {
            mvc.perform(post("/admin/care/follow-ups/" + task + "/done").param("note", note)
                    .with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("SELECT done_note FROM satisfaction_follow_up WHERE id = :id").param("id", task)
                .query(String.class).single()).isEqualTo("Called her, sending a new one");
        Document page = admin("/admin/care/follow-ups");
        assertThat(page.select("#open-tasks #task-" + task)).isEmpty();
        assertThat(page.select("#done-tasks #task-" + task).text()).contains("Called her", "owner@demo.micromall");
    }

    @Test
    void theScorePageShowsThisWeeksScoreThePerProductScoreAndTheComments() throws Exception {
        for (int score : new int[] {10, 9, 7, 3}) {
            String number = fixtures.completedOrder(buyer.id(), Instant.now(), product, productName);
            surveys.answerAsBuyer(surveys.ofCustomer(buyer.id(), number).orElseThrow(), score,
                    "comment for " + score + " " + productName);
        }
        Document page = admin("/admin/care/satisfaction");
        Element row = page.select("#product-scores tr").stream().filter(tr -> tr.text().contains(productName))
                .findFirst().orElseThrow();
        assertThat(row.select("td").eachText()).containsExactly(productName, "25", "2", "1", "1"); // 50 % − 25 %
        assertThat(page.select("#comments").text()).contains("comment for 3 " + productName);
        assertThat(page.select("#nps-chart li")).hasSize(SatisfactionReport.PERIODS);
        assertThat(admin("/admin/care/satisfaction?by=month").select("#nps-chart li"))
                .hasSize(SatisfactionReport.PERIODS);
    }

    @Test
    void customersCannotOpenTheCarePages() throws Exception {
        for (String path : new String[] {"/admin/care/follow-ups", "/admin/care/satisfaction"}) {
            mvc.perform(get(path).with(user(buyer.principal()))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/care/follow-ups/1/done").param("note", "x").with(user(buyer.principal())).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theScorePageShowsTheScoreOfEachStaffMembersAttributedOrders() throws Exception {
        String code = "G" + Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase(Locale.ROOT);
        String name = "Gia " + code;
        long staffId = staffMember(name, code);
        String idle = "Ida " + code;
        staffMember(idle, code + "X");
        for (int score : new int[] {10, 9, 9, 3}) {
            String number = fixtures.completedOrder(buyer.id(), Instant.now(), product, productName);
            surveys.answerAsBuyer(surveys.ofCustomer(buyer.id(), number).orElseThrow(), score, null);
            attribute(number, staffId, code);
        }
        String unattributed = fixtures.completedOrder(buyer.id(), Instant.now(), product, productName);
        surveys.answerAsBuyer(surveys.ofCustomer(buyer.id(), unattributed).orElseThrow(), 0, null);

        Document page = admin("/admin/care/satisfaction");
        Element row = page.select("#staff-scores tbody tr").stream().filter(tr -> tr.text().contains(name))
                .findFirst().orElseThrow();
        // Three promoters and one detractor of four: (3 - 1) / 4 = 50.
        assertThat(row.select("td").eachText()).containsExactly(name + " " + code, "50", "3", "0", "1");
        Element none = page.select("#staff-scores tbody tr").stream().filter(tr -> tr.text().contains(idle))
                .findFirst().orElseThrow();
        assertThat(none.select("td").eachText()).containsExactly(idle + " " + code + "X", "–", "0", "0", "0");
    }

    @Test
    void staffSeeTheQueuesAndCommentsOrderNumbersWithoutALinkTheyCouldNotOpen() throws Exception {
        String number = detractor("Staff read this");
        for (String path : new String[] {"/admin/care/follow-ups", "/admin/care/satisfaction"}) {
            Document asStaff = Jsoup.parse(mvc.perform(get(path).locale(Locale.ENGLISH)
                            .with(user("clerk@example.com").roles("STAFF")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(asStaff.select("a[href^=/admin/orders]")).as(path).isEmpty();
            assertThat(asStaff.text()).as(path).contains(number);
            assertThat(admin(path).select("a[href=/admin/orders/" + number + "]")).as(path).isNotEmpty();
        }
    }

    private long staffMember(String name, String code) {
        TestCustomer account = orders.customer(name);
        jdbc.sql("""
                        INSERT INTO care_staff (customer_id, email, name, code, invited_at)
                        VALUES (:c, :e, :n, :code, CURRENT_TIMESTAMP)""")
                .param("c", account.id()).param("e", account.email()).param("n", name).param("code", code).update();
        return jdbc.sql("SELECT id FROM care_staff WHERE code = :code").param("code", code).query(Long.class).single();
    }

    private void attribute(String orderNumber, long staffId, String code) {
        jdbc.sql("""
                        INSERT INTO care_staff_order (order_id, order_number, customer_id, staff_id, code, currency, total,
                                                      placed_at)
                        SELECT order_id, order_number, customer_id, :staff, :code, 'CNY', 10.00, CURRENT_TIMESTAMP
                        FROM satisfaction_survey WHERE order_number = :n""")
                .param("staff", staffId).param("code", code).param("n", orderNumber).update();
    }
}
