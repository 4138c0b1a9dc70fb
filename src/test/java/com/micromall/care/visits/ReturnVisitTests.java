package com.micromall.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.care.VisitReminderDue;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import com.micromall.support.Outbox;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** Return-visit plans, the visits a completed order schedules, the due list and recording a visit once. */
@MicromallTest
class ReturnVisitTests {

    private static final String OWNER = "owner@demo.micromall";
    private static final AtomicLong FAKE_ORDER_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 9_000_000_000L);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orders;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired ShopTime shopTime;
    @Autowired VisitReminders reminders;
    @Autowired Outbox outbox;

    @Test
    void aCompletedOrderOfAPlannedProductSchedulesItsVisitsAndOthersScheduleNone() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long lock = fixtures.product("Visit Lock", "899.00", 10);
        long socks = fixtures.product("Visit Socks", "9.00", 10);
        plan(lock, "3", "2", "Free maintenance check");
        TestCustomer buyer = fixtures.customer("Vera Visited");

        carts.add(CartService.CartKey.customer(buyer.id()), lock, 2);
        carts.add(CartService.CartKey.customer(buyer.id()), socks, 1);
        String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("V", "1", "1 Visit Road", null, "C", "P", "CN"),
                PaymentMethod.BANK_TRANSFER));
        orders.confirmPayment(number, OWNER);
        orders.ship(number, OWNER, "parcel");
        assertThat(visitsOfCustomer(buyer.id())).as("shipped is not delivered yet").isZero();
        orders.complete(number, OWNER);
        LocalDate completedOn = shopTime.today();

        List<LocalDate> due = awaitVisits(buyer.id(), 2);
        assertThat(due).containsExactly(completedOn.plusMonths(3), completedOn.plusMonths(6));
        assertThat(jdbc.sql("SELECT DISTINCT product_id FROM care_visit WHERE customer_id = :c")
                .param("c", buyer.id()).query(Long.class).list()).containsExactly(lock);
        Document file = Jsoup.parse(mvc.perform(owner(get("/admin/customers/" + buyer.id())))
                .andReturn().getResponse().getContentAsString());
        assertThat(file.select("#visits li")).hasSize(2);
        assertThat(file.select("#visits").text()).contains("Free maintenance check", number);
    }

    @Test
    void visitDatesCountFromTheDayTheOrderCompletedInTheShopsTimeZone() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long filter = fixtures.product("Visit Filter", "120.00", 10);
        plan(filter, "1", "3", "Filter change");
        TestCustomer buyer = fixtures.customer("Zoe Zoned");
        ZoneId zone = shopTime.zone();
        // Half past midnight on the 1st in the shop is still the last day of the month in any zone east of UTC.
        LocalDateTime shopMoment = LocalDateTime.of(2026, 2, 1, 0, 30);
        var completedAt = shopMoment.atZone(zone).toInstant();
        long orderId = FAKE_ORDER_IDS.incrementAndGet();
        Money price = Money.of("120.00", "CNY");
        OrderCompleted completed = new OrderCompleted(orderId, "MM-VISIT-" + orderId % 100000, buyer.id(), completedAt,
                List.of(new OrderLineSnapshot(1L, filter, "Visit Filter", 1, price, price, price)));

        transactions.executeWithoutResult(s -> events.publishEvent(completed));
        List<LocalDate> due = awaitVisits(buyer.id(), 3);

        assertThat(due).containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
        if (!zone.getRules().getOffset(completedAt).equals(ZoneOffset.UTC)) {
            assertThat(LocalDate.ofInstant(completedAt, ZoneOffset.UTC)).as("the UTC day would be another one")
                    .isNotEqualTo(LocalDate.of(2026, 2, 1));
        }

        transactions.executeWithoutResult(s -> events.publishEvent(completed));
        awaitHeard(orderId, 2);
        assertThat(visitsOfCustomer(buyer.id())).as("the same completion heard twice schedules nothing new").isEqualTo(3);
    }

    @Test
    void theDueListSplitsOverdueThisWeekAndUpcomingAndAVisitIsRecordedOnce() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long product = fixtures.product("Due Lock", "10.00", 10);
        TestCustomer buyer = fixtures.customer("Dora Due");
        LocalDate today = shopTime.today();
        long overdue = visit(buyer.id(), product, 1, today.minusDays(1));
        long thisWeek = visit(buyer.id(), product, 2, today.plusDays(6));
        long upcoming = visit(buyer.id(), product, 3, today.plusDays(7));

        Document list = dueList();
        assertThat(list.select("#visits-overdue #visit-" + overdue)).hasSize(1);
        assertThat(list.select("#visits-thisWeek #visit-" + thisWeek)).hasSize(1);
        assertThat(list.select("#visits-upcoming #visit-" + upcoming)).hasSize(1);
        assertThat(list.select("#visit-" + overdue).text()).contains("Dora Due");

        for (int i = 0; i < 2; i++) {
            mvc.perform(owner(post("/admin/care/visits/" + overdue + "/done").param("outcome", "HAPPY")
                            .param("note", "Lock works, asked about a second one")))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute(i == 0 ? "flashSuccess" : "flashError",
                            i == 0 ? "care.visit.recorded" : "care.visit.alreadyDone"));
        }
        mvc.perform(post("/admin/care/visits/" + overdue + "/done").param("outcome", "NOT_REACHABLE")
                        .with(user("staff-in-another-tab@demo.micromall").roles("OWNER")).with(csrf()))
                .andExpect(flash().attribute("flashError", "care.visit.alreadyDone"));

        record Done(String outcome, String by, String note, boolean shareCard) {
        }
        assertThat(jdbc.sql("SELECT outcome, done_by, note, share_card_pending FROM care_visit WHERE id = :id")
                .param("id", overdue).query((rs, i) -> new Done(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))).single())
                .isEqualTo(new Done("HAPPY", OWNER, "Lock works, asked about a second one", true));
        Document after = dueList();
        assertThat(after.select("#visits-overdue #visit-" + overdue)).isEmpty();
        assertThat(after.select("#visits-done").text()).contains("Dora Due", "Happy");
    }

    @Test
    void aVisitWithoutOutcomeIsRefusedAndABadPlanIsReshownWithTheOwnersInput() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long product = fixtures.product("Bad Plan Lock", "10.00", 10);
        TestCustomer buyer = fixtures.customer("Bea Bad");
        long open = visit(buyer.id(), product, 1, shopTime.today());
        Document refused = Jsoup.parse(mvc.perform(owner(post("/admin/care/visits/" + open + "/done").param("note", "hm")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#visit-" + open + " .text-danger").text()).isEqualTo("Please choose how the visit went.");
        assertThat(refused.select("#visit-" + open + " textarea").text()).isEqualTo("hm");
        assertThat(jdbc.sql("SELECT done_at IS NULL FROM care_visit WHERE id = :id").param("id", open)
                .query(Boolean.class).single()).isTrue();

        Document plan = Jsoup.parse(mvc.perform(owner(post("/admin/visit-plans/" + product)
                        .param("intervalMonths", "0").param("visits", "99").param("description", "Check")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(plan.select(".invalid-feedback").eachText()).containsExactly("Between 1 and 36 months, please.",
                "Between 1 and 20 visits, please.");
        assertThat(plan.select("#visits").val()).isEqualTo("99");
        mvc.perform(owner(post("/admin/visit-plans/" + product).param("intervalMonths", "abc").param("visits", "2")
                .param("description", "Check"))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_visit_plan WHERE product_id = :p").param("p", product)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCustomerCannotOpenTheDueListNorRecordAVisitNorPlanOne() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        TestCustomer customer = fixtures.customer("Nosy Ned");
        long product = fixtures.product("Nosy Lock", "10.00", 10);
        long open = visit(customer.id(), product, 1, shopTime.today());
        mvc.perform(get("/admin/care/visits").with(user(customer.principal()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/care/visits/" + open + "/done").param("outcome", "HAPPY").with(csrf())
                .with(user(customer.principal()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/visit-plans/" + product).param("intervalMonths", "1").param("visits", "1")
                .param("description", "x").with(csrf()).with(user(customer.principal()))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT done_at IS NULL FROM care_visit WHERE id = :id").param("id", open)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aVisitAFewDaysAwayIsRemindedOnceByMailAndNeitherLaterNorDoneOnes() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long product = fixtures.product("Remind Lock", "10.00", 10);
        TestCustomer buyer = fixtures.customer("Rita Reminded");
        LocalDate today = shopTime.today();
        long soon = visit(buyer.id(), product, 1, today.plusDays(2));
        long later = visit(buyer.id(), product, 2, today.plusDays(10));
        long done = visit(buyer.id(), product, 3, today.plusDays(1));
        jdbc.sql("UPDATE care_visit SET done_at = CURRENT_TIMESTAMP, done_by = 'x', outcome = 'HAPPY' WHERE id = :id")
                .param("id", done).update();

        reminders.remindDueVisits();
        reminders.remindDueVisits();

        assertThat(jdbc.sql("SELECT id FROM care_visit WHERE customer_id = :c AND reminded_at IS NOT NULL")
                .param("c", buyer.id()).query(Long.class).list()).containsExactly(soon);
        assertThat(mailsFor(soon)).as("one reminder for the mail listener").isEqualTo(1);
        assertThat(mailsFor(later) + mailsFor(done)).isZero();
    }

    /** Reminders handed to notification's mail listener for this visit (sent, or waiting for a mail server). */
    private long mailsFor(long visitId) {
        return outbox.all(VisitReminderDue.class, e -> e.visitId() == visitId).stream()
                .filter(p -> Outbox.forListener(p, "com.micromall.notification.CareMailListener")).count();
    }

    private void plan(long product, String months, String visits, String description) throws Exception {
        mvc.perform(owner(post("/admin/visit-plans/" + product).param("intervalMonths", months).param("visits", visits)
                .param("description", description))).andExpect(status().is3xxRedirection());
        Document form = Jsoup.parse(mvc.perform(owner(get("/admin/visit-plans/" + product)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.select("#description").val()).isEqualTo(description);
    }

    private long visit(long customerId, long productId, int sequence, LocalDate dueOn) {
        long orderId = FAKE_ORDER_IDS.incrementAndGet();
        jdbc.sql("""
                        INSERT INTO care_visit (customer_id, order_id, order_number, product_id, product_name, description,
                                                sequence, due_on)
                        VALUES (:c, :o, 'MM-TEST', :p, 'Due Lock', 'Check', :s, :due)""")
                .param("c", customerId).param("o", orderId).param("p", productId).param("s", sequence)
                .param("due", Date.valueOf(dueOn)).update();
        return jdbc.sql("SELECT id FROM care_visit WHERE order_id = :o").param("o", orderId).query(Long.class).single();
    }

    private Document dueList() throws Exception {
        return Jsoup.parse(mvc.perform(owner(get("/admin/care/visits"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private long visitsOfCustomer(long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM care_visit WHERE customer_id = :c").param("c", customerId)
                .query(Long.class).single();
    }

    /** The visits are scheduled by a listener after the completing transaction; wait until they are there. */
    private List<LocalDate> awaitVisits(long customerId, int expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (visitsOfCustomer(customerId) < expected && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        return jdbc.sql("SELECT due_on FROM care_visit WHERE customer_id = :c ORDER BY due_on").param("c", customerId)
                .query((rs, i) -> rs.getDate(1).toLocalDate()).list();
    }

    /** Waits until the visit listener has finished with this order's completion {@code times} times. */
    private void awaitHeard(long orderId, int times) throws InterruptedException {
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.completed(OrderCompleted.class,
                        e -> e.orderId() == orderId).stream()
                .filter(p -> Outbox.forListener(p, VisitScheduling.class.getName())).count() >= times);
    }

    private static MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder request) {
        return request.with(user(OWNER).roles("OWNER")).with(csrf());
    }
}
