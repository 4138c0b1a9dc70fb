package com.micromall.care.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.care.staff.StaffAttribution;
import com.micromall.care.staff.StaffRoster;
import com.micromall.distribution.referral.BindingModes;
import com.micromall.distribution.referral.BindingModes.BindingMode;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.ReferralSource;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The owner's customer file and the customer list's filters, on PostgreSQL through the real pages. */
@MicromallTest
class CustomerFileTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orders;
    @Autowired DistributorEnrolment enrolment;
    @Autowired ReferralBindings bindings;
    @Autowired StaffRoster roster;
    @Autowired StaffAttribution staff;
    @Autowired BindingModes modes;
    @Autowired ShopTime shopTime;

    @Test
    void theFileShowsLifetimeValueAsCompletedOrdersMinusRefundsAndWhoInvitedWhom() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long lamp = fixtures.product("File Lamp", "19.90", 50);
        TestCustomer gus = fixtures.customer("Gus Inviter");
        TestCustomer fay = fixtures.customer("Fay Filed");
        TestCustomer hal = fixtures.customer("Hal Invitee");
        TestCustomer ivy = fixtures.customer("Ivy Invitee");
        String gusCode = enrolment.enrolActive(gus.id()).code();
        bindings.bind(fay.id(), gusCode, ReferralSource.TYPED_AT_REGISTRATION, null);
        String fayCode = enrolment.enrolActive(fay.id()).code();
        bindings.bind(hal.id(), fayCode, ReferralSource.TYPED_AT_REGISTRATION, null);
        bindings.bind(ivy.id(), fayCode, ReferralSource.TYPED_AT_REGISTRATION, null);
        String ivys = place(ivy.id(), lamp, 1);

        String refundedLater = place(fay.id(), lamp, 3);
        orders.confirmPayment(refundedLater, OWNER);
        orders.ship(refundedLater, OWNER, "parcel");
        orders.complete(refundedLater, OWNER);
        long line = orders.order(refundedLater).lines().get(0).id();
        Money refund = orders.refund(refundedLater, Map.of(line, 1), "dented", OWNER);
        String completed = place(fay.id(), lamp, 2);
        orders.confirmPayment(completed, OWNER);
        orders.ship(completed, OWNER, "parcel");
        orders.complete(completed, OWNER);
        String onlyPaid = place(fay.id(), lamp, 5);
        orders.confirmPayment(onlyPaid, OWNER);
        Money expected = orders.order(refundedLater).total().minus(refund).plus(orders.order(completed).total());

        Document file = eventually(fay.id(), page -> page.select("#invitees .badge.text-bg-success").size() == 1);

        assertThat(file.select("#lifetime-value").text()).isEqualTo(expected.format(Locale.ENGLISH));
        assertThat(file.select("#orders tbody tr")).hasSize(3);
        assertThat(file.select("#orders").text()).contains(refundedLater, completed, onlyPaid);
        assertThat(file.select("#sharing a").attr("href")).isEqualTo("/admin/customers/" + gus.id());
        assertThat(file.select("#sharing").text()).contains("Gus Inviter", fayCode);
        assertThat(file.select("#invitees tbody tr")).extracting(row -> row.select("td").get(0).text() + " | "
                        + row.select("td").get(2).text())
                .containsExactlyInAnyOrder("Hal Invitee | Not yet", "Ivy Invitee | Has ordered");
        assertThat(file.select("#invited-how").text()).as("permanent mode: no protection period")
                .isEqualTo("typed the code when signing up");
        assertThat(file.select("#sharing-figures").text()).contains("Sign-ups");
        assertThat(file.select("#satisfaction h2").text()).isEqualTo("Satisfaction");
        assertThat(file.select("#staff-contact h2").text()).isEqualTo("Staff contact");
        assertThat(ivys).isNotBlank();
    }

    @Test
    void inLastShareWinsModeTheFileShowsHowEachFriendCameAndUntilWhenTheyAreProtected() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        TestCustomer sharer = fixtures.customer("Lena Sharer");
        TestCustomer friend = fixtures.customer("Max Friend");
        String code = enrolment.enrolActive(sharer.id()).code();
        BindingMode before = modes.current();
        modes.change(new BindingMode(BindingModes.Mode.LAST_SHARE_WINS, 30), "test");
        try {
            bindings.bind(friend.id(), code, ReferralSource.LINK, null);
            Instant until = jdbc.sql("SELECT protected_until FROM referral_binding WHERE referee_id = :c")
                    .param("c", friend.id()).query(Timestamp.class).single().toInstant();
            String date = shopTime.date(until, Locale.ENGLISH);

            assertThat(file(friend.id()).select("#invited-how").text())
                    .isEqualTo("through a share link · no other link can take them over before " + date);
            assertThat(file(sharer.id()).select("#invitees tbody tr td").get(1).text())
                    .contains("through a share link", "before " + date);
        } finally {
            modes.change(before, "test");
        }
    }

    @Test
    void aCustomerCannotOpenAnotherCustomersFileNorWriteInIt() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        TestCustomer curious = fixtures.customer("Curious Cat");
        TestCustomer other = fixtures.customer("Other Owl");
        mvc.perform(get("/admin/customers/" + other.id()).with(user(curious.principal())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/customers/" + curious.id()).with(user(curious.principal())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/customers/" + other.id() + "/notes").param("body", "sneaky")
                        .param("token", UUID.randomUUID().toString()).with(csrf()).with(user(curious.principal())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/customers/" + other.id() + "/tags").param("tag", "sneaky")
                        .with(csrf()).with(user(curious.principal())))
                .andExpect(status().isForbidden());
        assertThat(count("SELECT COUNT(*) FROM care_note WHERE customer_id = :c", other.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM care_customer_tag WHERE customer_id = :c", other.id())).isZero();
    }

    @Test
    void aNoteFormSentTwiceWritesOneNoteAndTwoTabsWriteTwo() throws Exception {
        TestCustomer kim = new OrderFixtures(jdbc, encoder).customer("Kim Noted");
        Document file = file(kim.id());
        String token = file.select("#notes input[name=token]").val();
        assertThat(token).isNotBlank();
        String secondTab = file(kim.id()).select("#notes input[name=token]").val();
        assertThat(secondTab).as("each page view is a new form").isNotEqualTo(token);

        for (int i = 0; i < 2; i++) {
            mvc.perform(owner(post("/admin/customers/" + kim.id() + "/notes").param("body", "Called, all fine")
                    .param("token", token))).andExpect(status().is3xxRedirection());
        }
        mvc.perform(owner(post("/admin/customers/" + kim.id() + "/notes").param("body", "Called again")
                .param("token", secondTab))).andExpect(status().is3xxRedirection());

        Document after = file(kim.id());
        assertThat(after.select("#note-list li .mm-note-body").eachText()).containsExactly("Called again", "Called, all fine");
        assertThat(after.select("#note-list li").first().text()).contains(OWNER);
    }

    @Test
    void anEmptyNoteIsRefusedNextToTheFieldAndNothingIsWritten() throws Exception {
        TestCustomer lou = new OrderFixtures(jdbc, encoder).customer("Lou Empty");
        Document page = Jsoup.parse(mvc.perform(owner(post("/admin/customers/" + lou.id() + "/notes")
                        .param("body", "   ").param("token", UUID.randomUUID().toString())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#notes .invalid-feedback").text()).isEqualTo("Please write the note first.");
        assertThat(count("SELECT COUNT(*) FROM care_note WHERE customer_id = :c", lou.id())).isZero();
    }

    @Test
    void tagsAreNormalisedKeptOnceAndRemovable() throws Exception {
        TestCustomer max = new OrderFixtures(jdbc, encoder).customer("Max Tagged");
        for (String typed : List.of("  Smart   LOCK ", "smart lock", "VIP")) {
            mvc.perform(owner(post("/admin/customers/" + max.id() + "/tags").param("tag", typed)))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(file(max.id()).select("#tags li span span").eachText()).containsExactly("smart lock", "vip");
        mvc.perform(owner(post("/admin/customers/" + max.id() + "/tags/remove").param("tag", "vip")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(owner(post("/admin/customers/" + max.id() + "/tags/remove").param("tag", "vip")))
                .andExpect(status().is3xxRedirection());
        assertThat(file(max.id()).select("#tags li span span").eachText()).containsExactly("smart lock");
        Document refused = Jsoup.parse(mvc.perform(owner(post("/admin/customers/" + max.id() + "/tags")
                        .param("tag", "x".repeat(41))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#tags .invalid-feedback").text()).isEqualTo("A tag is 1 to 40 characters.");
        assertThat(refused.select("#tags input#tag").val()).isEqualTo("x".repeat(41));
    }

    @Test
    void theListFiltersByTagLastOrderAndHavingInvitedSomeone() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        String tag = "flt" + UUID.randomUUID().toString().substring(0, 6);
        long lamp = fixtures.product("Filter Lamp", "5.00", 50);
        TestCustomer recent = fixtures.customer("Recent " + tag);
        TestCustomer old = fixtures.customer("Old " + tag);
        TestCustomer never = fixtures.customer("Never " + tag);
        TestCustomer cancelledOnly = fixtures.customer("Cancelled " + tag);
        place(recent.id(), lamp, 1);
        String oldOrder = place(old.id(), lamp, 1);
        jdbc.sql("UPDATE shop_order SET placed_at = :at WHERE number = :n")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(120)))).param("n", oldOrder).update();
        orders.cancelByCustomer(cancelledOnly.id(), place(cancelledOnly.id(), lamp, 1));
        String code = enrolment.enrolActive(old.id()).code();
        bindings.bind(never.id(), code, ReferralSource.TYPED_AT_REGISTRATION, null);
        mvc.perform(owner(post("/admin/customers/" + recent.id() + "/tags").param("tag", tag.toUpperCase(Locale.ROOT))));
        mvc.perform(owner(post("/admin/customers/" + never.id() + "/tags").param("tag", tag)));

        assertThat(names(Map.of("q", tag))).containsExactlyInAnyOrder(recent.name(), old.name(), never.name(),
                cancelledOnly.name());
        assertThat(names(Map.of("q", tag, "tag", tag))).containsExactlyInAnyOrder(recent.name(), never.name());
        assertThat(names(Map.of("q", tag, "lastOrder", "30"))).containsExactly(recent.name());
        assertThat(names(Map.of("q", tag, "lastOrder", "365"))).containsExactlyInAnyOrder(recent.name(), old.name());
        assertThat(names(Map.of("q", tag, "lastOrder", "never"))).as("a cancelled order is no order")
                .containsExactlyInAnyOrder(never.name(), cancelledOnly.name());
        assertThat(names(Map.of("q", tag, "invited", "true"))).containsExactly(old.name());
        assertThat(names(Map.of("q", tag, "tag", tag, "lastOrder", "never"))).containsExactly(never.name());
        assertThat(names(Map.of("q", tag, "lastOrder", "bogus"))).as("an unknown choice filters nothing").hasSize(4);
        Document page = list(Map.of("q", tag, "tag", tag));
        assertThat(page.select("#tag option[selected]").val()).isEqualTo(tag);
    }

    @Test
    void theFileShowsTheCustomersAnswersLatestFirstAndTheirFirstTouchStaffContact() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        TestCustomer ann = fixtures.customer("Ann Answered");
        Instant now = Instant.now();
        String older = answer(ann.id(), 3, "Arrived broken", now.minus(Duration.ofDays(20)));
        String newer = answer(ann.id(), 10, null, now.minus(Duration.ofDays(2)));
        String first = staffCode("Lena First");
        String second = staffCode("Otto Later");
        assertThat(staff.attributeCustomer(ann.id(), first, StaffAttribution.Source.LINK)).isTrue();
        staff.attributeCustomer(ann.id(), second, StaffAttribution.Source.ORDER);

        Document file = file(ann.id());

        assertThat(file.select("#answer-list li")).extracting(li -> li.select(".mm-answer-score").text() + " | "
                + li.text()).satisfiesExactly(
                        latest -> assertThat(latest).startsWith("10 | ").contains(newer, "Promoter", "No comment."),
                        earlier -> assertThat(earlier).startsWith("3 | ").contains(older, "Detractor", "Arrived broken"));
        assertThat(file.select("#satisfaction").text()).doesNotContain("No satisfaction answers yet.");
        assertThat(file.select("#staff-contact-name").text()).isEqualTo("Lena First");
        assertThat(file.select("#staff-contact-code").text()).isEqualTo(first);
        assertThat(file.select("#staff-contact").text()).doesNotContain("Otto Later");

        Document nobody = file(fixtures.customer("Nora Nothing").id());
        assertThat(nobody.select("#satisfaction").text()).contains("No satisfaction answers yet.");
        assertThat(nobody.select("#staff-contact").text()).contains("No staff member looks after this customer yet.");
    }

    @Test
    void staffSeeACustomersSharingFiguresButNeverTheirEarnings() throws Exception {
        TestCustomer sharer = new OrderFixtures(jdbc, encoder).customer("Sia Sharer");
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'ACTIVE', :at)")
                .param("c", sharer.id()).param("code", OrderFixtures.unique("F").toUpperCase(Locale.ROOT).substring(0, 8))
                .param("at", java.sql.Timestamp.from(Instant.now())).update();

        Document asStaff = Jsoup.parse(mvc.perform(get("/admin/customers/" + sharer.id()).locale(Locale.ENGLISH)
                        .with(user("clerk@example.com").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(asStaff.text()).contains("Link clicks").doesNotContain("Commission earned");
        assertThat(asStaff.getElementById("file-commission")).isNull();

        assertThat(file(sharer.id()).getElementById("file-commission").text()).contains("Commission earned");
    }

    @Test
    void staffSeeTheFilesOrderNumbersWithoutALinkTheyCouldNotOpenAndTheOwnerKeepsTheLink() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long lamp = fixtures.product("Staff View Lamp", "3.00", 10);
        TestCustomer bo = fixtures.customer("Bo Bought");
        String number = place(bo.id(), lamp, 1);
        String answered = answer(bo.id(), 9, "Nice", Instant.now());

        String html = mvc.perform(get("/admin/customers/" + bo.id()).locale(Locale.ENGLISH)
                        .with(user("clerk@example.com").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document asStaff = Jsoup.parse(html);
        assertThat(asStaff.select("a[href^=/admin/orders]")).isEmpty();
        assertThat(asStaff.select("#orders").text()).contains(number);
        assertThat(asStaff.select("#answer-list").text()).contains(answered);
        mvc.perform(get("/admin/orders/" + number).with(user("clerk@example.com").roles("STAFF")))
                .andExpect(status().isForbidden());

        Document asOwner = file(bo.id());
        assertThat(asOwner.select("#orders a[href=/admin/orders/" + number + "]")).hasSize(1);
        assertThat(asOwner.select("#answer-list a[href=/admin/orders/" + answered + "]")).hasSize(1);
    }

    @Test
    void theListFiltersByTheKindOfTheLatestAnswerAndByStaffContact() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        String mark = "scr" + UUID.randomUUID().toString().substring(0, 6);
        TestCustomer turned = fixtures.customer("Turned " + mark);
        TestCustomer fan = fixtures.customer("Fan " + mark);
        TestCustomer middling = fixtures.customer("Middling " + mark);
        TestCustomer silent = fixtures.customer("Silent " + mark);
        Instant now = Instant.now();
        answer(turned.id(), 10, null, now.minus(Duration.ofDays(30)));
        answer(turned.id(), 4, "Broke", now.minus(Duration.ofDays(1)));
        answer(fan.id(), 6, null, now.minus(Duration.ofDays(30)));
        answer(fan.id(), 9, null, now.minus(Duration.ofDays(1)));
        answer(middling.id(), 7, null, now);
        String code = staffCode("Pia Filter");
        staff.attributeCustomer(fan.id(), code, StaffAttribution.Source.LINK);
        staff.attributeCustomer(silent.id(), code, StaffAttribution.Source.ORDER);
        long pia = jdbc.sql("SELECT id FROM care_staff WHERE code = :c").param("c", code).query(Long.class).single();

        assertThat(names(Map.of("q", mark, "score", "promoter"))).as("the latest answer counts").containsExactly(fan.name());
        assertThat(names(Map.of("q", mark, "score", "detractor"))).containsExactly(turned.name());
        assertThat(names(Map.of("q", mark, "score", "passive"))).containsExactly(middling.name());
        assertThat(names(Map.of("q", mark, "score", "none"))).containsExactly(silent.name());
        assertThat(names(Map.of("q", mark, "score", "bogus"))).hasSize(4);
        assertThat(names(Map.of("q", mark, "staff", "" + pia))).containsExactlyInAnyOrder(fan.name(), silent.name());
        assertThat(names(Map.of("q", mark, "staff", "" + pia, "score", "none"))).containsExactly(silent.name());
        Document page = list(Map.of("q", mark, "score", "detractor", "staff", "" + pia));
        assertThat(page.select("#score option[selected]").val()).isEqualTo("detractor");
        assertThat(page.select("#staff option[selected]").val()).isEqualTo("" + pia);
    }

    /** An answered survey of an order that exists only here; returns the order number. */
    private String answer(long customerId, int score, String comment, Instant at) {
        long orderId = -Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L) - 1;
        String number = OrderFixtures.unique("ANS");
        jdbc.sql("""
                        INSERT INTO satisfaction_survey (order_id, order_number, customer_id, completed_at, ask_at)
                        VALUES (:o, :n, :c, :at, :at)""").param("o", orderId).param("n", number).param("c", customerId)
                .param("at", Timestamp.from(at)).update();
        long survey = jdbc.sql("SELECT id FROM satisfaction_survey WHERE order_id = :o").param("o", orderId)
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO satisfaction_answer (survey_id, score, comment, answered_at, changed_at)
                        VALUES (:s, :score, :comment, :at, :at)""").param("s", survey).param("score", score)
                .param("comment", comment).param("at", Timestamp.from(at)).update();
        return number;
    }

    private String staffCode(String name) {
        String email = OrderFixtures.unique("glue").toLowerCase(Locale.ROOT) + "@example.com";
        roster.invite(email, name, Locale.ENGLISH);
        return jdbc.sql("SELECT code FROM care_staff WHERE email = :e").param("e", email).query(String.class).single();
    }

    private String place(long customerId, long product, int quantity) {
        carts.add(CartService.CartKey.customer(customerId), product, quantity);
        return checkout.place(new CheckoutService.PlaceOrder(customerId, UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("R", "1", customerId + " File Street", null, "C", "P", "CN"),
                PaymentMethod.BANK_TRANSFER));
    }

    private List<String> names(Map<String, String> params) throws Exception {
        return list(params).select("tbody tr td:first-child").eachText();
    }

    private Document list(Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = get("/admin/customers");
        params.forEach(request::param);
        return Jsoup.parse(mvc.perform(owner(request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private Document file(long customerId) throws Exception {
        return Jsoup.parse(mvc.perform(owner(get("/admin/customers/" + customerId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Distribution learns of orders from events after the transaction; the page is read until it has. */
    private Document eventually(long customerId, Predicate<Document> ready) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Document page = file(customerId);
        while (!ready.test(page) && System.nanoTime() < until) {
            Thread.sleep(100);
            page = file(customerId);
        }
        return page;
    }

    private long count(String sql, long customerId) {
        return jdbc.sql(sql).param("c", customerId).query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder request) {
        return request.with(user(OWNER).roles("OWNER")).with(csrf());
    }
}
