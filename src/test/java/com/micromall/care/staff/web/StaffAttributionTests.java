package com.micromall.care.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.micromall.care.StaffInvitationMailRequested;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff codes: invitations that work once and are sent once, first-touch attribution of customers (a later code, by
 * link or at checkout, never takes a customer over), the checkout field, and the receipt that only its buyer sees.
 */
@MicromallTest
@RecordApplicationEvents
class StaffAttributionTests {

    private static final String STAFF_PASSWORD = "lantern-harbour-57";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationEvents events;

    OrderFixtures fixtures;
    long product;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
        product = fixtures.product("Staff tea", "12.34", 100);
    }

    private String invite(String email) throws Exception {
        mvc.perform(post("/admin/staff").locale(Locale.ENGLISH).with(user(fixtures.owner())).with(csrf())
                        .param("name", "Sam Staff").param("email", email))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/staff"));
        return jdbc.sql("SELECT code FROM care_staff WHERE email = :e").param("e", email).query(String.class).single();
    }

    private String newStaffCode() throws Exception {
        return invite(OrderFixtures.unique("staff").toLowerCase(Locale.ROOT) + "@example.com");
    }

    private Optional<String> contactOf(TestCustomer customer) {
        return jdbc.sql("""
                SELECT s.code FROM care_staff_customer c JOIN care_staff s ON s.id = c.staff_id WHERE c.customer_id = :c""")
                .param("c", customer.id()).query(String.class).optional();
    }

    private Document checkoutPage(TestCustomer buyer) throws Exception {
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "1")
                .with(user(buyer.principal())).with(csrf())).andExpect(status().is3xxRedirection());
        return Jsoup.parse(mvc.perform(get("/checkout").locale(Locale.ENGLISH).with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletResponse checkout(TestCustomer buyer, long address, String staffCode) throws Exception {
        Document page = checkoutPage(buyer);
        return mvc.perform(post("/checkout").locale(Locale.ENGLISH).with(user(buyer.principal())).with(csrf())
                .param("checkoutToken", page.selectFirst("input[name=checkoutToken]").val())
                .param("paymentMethod", "BANK_TRANSFER").param("addressId", "" + address)
                .param("staffCode", staffCode)).andReturn().getResponse();
    }

    private String placed(TestCustomer buyer, long address, String staffCode) throws Exception {
        MockHttpServletResponse response = checkout(buyer, address, staffCode);
        assertThat(response.getRedirectedUrl()).as("the order was placed").endsWith("/confirmation");
        return response.getRedirectedUrl().replace("/orders/", "").replace("/confirmation", "");
    }

    private String codeOfOrder(String number) {
        return jdbc.sql("SELECT code FROM care_staff_order WHERE order_number = :n").param("n", number)
                .query(String.class).single();
    }

    @Test
    void aCustomersFirstStaffCodeStaysTheirContactAndNoLaterCodeByLinkOrAtCheckoutTakesThemOver() throws Exception {
        String first = newStaffCode();
        String later = newStaffCode();
        TestCustomer buyer = fixtures.customer("Mia First");
        long address = fixtures.address(buyer.id());

        mvc.perform(get("/s/" + first).with(user(buyer.principal()))).andExpect(redirectedUrl("/"));
        mvc.perform(get("/s/" + later).with(user(buyer.principal()))).andExpect(redirectedUrl("/"));
        assertThat(contactOf(buyer)).contains(first);

        String withLaterCode = placed(buyer, address, later.toLowerCase(Locale.ROOT));
        assertThat(codeOfOrder(withLaterCode)).as("an order carries the code it was placed with").isEqualTo(later);
        assertThat(contactOf(buyer)).as("the customer's contact is not taken over").contains(first);

        String withoutCode = placed(buyer, address, "");
        assertThat(codeOfOrder(withoutCode)).as("an order without a code carries the customer's contact").isEqualTo(first);
    }

    @Test
    void aStaffMembersOwnCodeNeverAttributesTheirOwnAccountOrOrders() throws Exception {
        String code = newStaffCode();
        TestCustomer self = fixtures.customer("Sol Self");
        // The member's customer account is the buyer here: staff shop with their own account too.
        jdbc.sql("UPDATE care_staff SET customer_id = :c WHERE code = :code").param("c", self.id()).param("code", code)
                .update();

        mvc.perform(get("/s/" + code).with(user(self.principal()))).andExpect(redirectedUrl("/"));
        assertThat(contactOf(self)).isEmpty();

        String number = placed(self, fixtures.address(self.id()), code);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_staff_order WHERE order_number = :n").param("n", number)
                .query(Long.class).single()).as("no staff attribution, so no staff commission").isZero();
        assertThat(contactOf(self)).isEmpty();
    }

    @Test
    void aVisitorsFirstStaffLinkIsKeptUntilTheySignInAndALaterLinkDoesNotReplaceIt() throws Exception {
        String first = newStaffCode();
        String later = newStaffCode();
        Cookie remembered = mvc.perform(get("/s/" + first)).andReturn().getResponse().getCookie(StaffLinkController.COOKIE);
        assertThat(remembered).isNotNull();
        assertThat(mvc.perform(get("/s/" + later).cookie(remembered)).andReturn().getResponse()
                .getCookie(StaffLinkController.COOKIE)).as("no second cookie over the first").isNull();

        TestCustomer newcomer = fixtures.customer("Noel Newcomer");
        mvc.perform(get("/").cookie(remembered).with(user(newcomer.principal()))).andExpect(status().isOk());
        assertThat(contactOf(newcomer)).contains(first);

        mvc.perform(get("/").cookie(new Cookie(StaffLinkController.COOKIE, later)).with(user(newcomer.principal())));
        assertThat(contactOf(newcomer)).as("first touch holds").contains(first);
    }

    @Test
    void aWrongStaffCodeAtCheckoutShowsTheFormAgainWithTheInputAndAMessageAndPlacesNothing() throws Exception {
        TestCustomer buyer = fixtures.customer("Tom Typo");
        long address = fixtures.address(buyer.id());
        for (String wrong : new String[] {"ZZZZ9999", "no such code"}) {
            MockHttpServletResponse response = checkout(buyer, address, wrong);
            assertThat(response.getStatus()).isEqualTo(200);
            Document page = Jsoup.parse(response.getContentAsString());
            assertThat(page.selectFirst("input[name=staffCode]").val()).isEqualTo(wrong);
            assertThat(page.selectFirst("input[name=staffCode]").hasClass("is-invalid")).isTrue();
            assertThat(page.select("#staffCode-error").text())
                    .isEqualTo("No staff member has this code. Check it or leave the field empty.");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", buyer.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDeactivatedMembersCodeNoLongerAttributesAnyone() throws Exception {
        String email = OrderFixtures.unique("leaver").toLowerCase(Locale.ROOT) + "@example.com";
        String code = invite(email);
        long id = jdbc.sql("SELECT id FROM care_staff WHERE email = :e").param("e", email).query(Long.class).single();
        mvc.perform(post("/admin/staff/" + id + "/deactivate").with(user(fixtures.owner())).with(csrf()))
                .andExpect(redirectedUrl("/admin/staff"));

        TestCustomer buyer = fixtures.customer("Lia Late");
        mvc.perform(get("/s/" + code).with(user(buyer.principal())));
        assertThat(contactOf(buyer)).isEmpty();
        assertThat(checkout(buyer, fixtures.address(buyer.id()), code).getStatus()).isEqualTo(200);
    }

    @Test
    void theReceiptShowsTheStaffCodeToItsBuyerAndNoOtherCustomerCanOpenIt() throws Exception {
        String code = newStaffCode();
        TestCustomer buyer = fixtures.customer("Rita Receipt");
        String number = placed(buyer, fixtures.address(buyer.id()), code);

        Document receipt = Jsoup.parse(mvc.perform(get("/orders/" + number + "/receipt").locale(Locale.ENGLISH)
                .with(user(buyer.principal()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(receipt.select("#receipt-staff-code").text()).contains(code);
        assertThat(receipt.select("#receipt").text()).contains(number, fixtures.productName(product), "12.34");
        assertThat(receipt.select("link[rel=stylesheet]").eachAttr("href")).anyMatch(href -> href.startsWith("/css/receipt"));

        TestCustomer other = fixtures.customer("Otto Other");
        mvc.perform(get("/orders/" + number + "/receipt").with(user(other.principal()))).andExpect(status().isNotFound());
        mvc.perform(get("/orders/" + number + "/receipt")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anInvitationLinkSetsThePasswordOnceAndTheAccountSignsInAsStaff() throws Exception {
        String email = OrderFixtures.unique("newstaff").toLowerCase(Locale.ROOT) + "@example.com";
        invite(email);
        String token = events.stream(StaffInvitationMailRequested.class).reduce((a, b) -> b).orElseThrow().token();

        mvc.perform(get("/staff/invitation").param("token", token)).andExpect(view().name("customer/staff-invitation"));
        mvc.perform(post("/staff/invitation").with(csrf()).param("token", token)
                        .param("password", STAFF_PASSWORD).param("passwordAgain", STAFF_PASSWORD))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(STAFF_PASSWORD))
                .andExpect(authenticated().withRoles("STAFF"));

        mvc.perform(get("/staff/invitation").param("token", token))
                .andExpect(view().name("customer/password-link-unusable"));
        mvc.perform(post("/staff/invitation").with(csrf()).param("token", token)
                        .param("password", "another-secret-91").param("passwordAgain", "another-secret-91"))
                .andExpect(view().name("customer/password-link-unusable"));
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(STAFF_PASSWORD))
                .andExpect(authenticated().withRoles("STAFF"));
    }

    @Test
    void anExistingCustomerInvitedToTheStaffIsPromotedWhenAccepting() throws Exception {
        TestCustomer customer = fixtures.customer("Cora Customer");
        invite(customer.email());
        assertThat(role(customer.id())).as("not before accepting").isEqualTo("CUSTOMER");
        String token = events.stream(StaffInvitationMailRequested.class)
                .filter(event -> event.customerId() == customer.id()).findFirst().orElseThrow().token();
        mvc.perform(post("/staff/invitation").with(csrf()).param("token", token)
                .param("password", STAFF_PASSWORD).param("passwordAgain", STAFF_PASSWORD)).andExpect(redirectedUrl("/login"));
        assertThat(role(customer.id())).isEqualTo("STAFF");
    }

    @Test
    void theInviteFormSentTwiceSendsOneInvitation() throws Exception {
        String email = OrderFixtures.unique("twice").toLowerCase(Locale.ROOT) + "@example.com";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/staff").locale(Locale.ENGLISH).with(user(fixtures.owner())).with(csrf())
                    .param("name", "Sam Twice").param("email", email)).andExpect(redirectedUrl("/admin/staff"));
        }
        long account = jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email).query(Long.class).single();
        assertThat(events.stream(StaffInvitationMailRequested.class).filter(e -> e.customerId() == account)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_staff WHERE email = :e").param("e", email)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_token WHERE customer_id = :c AND purpose = 'STAFF_INVITATION'")
                .param("c", account).query(Long.class).single()).isOne();
    }

    @Test
    void theOwnersStaffPageShowsEachMembersCustomersOrdersAndExactRevenue() throws Exception {
        String email = OrderFixtures.unique("figures").toLowerCase(Locale.ROOT) + "@example.com";
        String code = invite(email);
        TestCustomer buyer = fixtures.customer("Fay Figures");
        long address = fixtures.address(buyer.id());
        placed(buyer, address, code);
        placed(buyer, address, "");

        Document page = Jsoup.parse(mvc.perform(get("/admin/staff").locale(Locale.ENGLISH).with(user(fixtures.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var row = page.select("#staff-table tbody tr").stream().filter(tr -> tr.text().contains(email)).findFirst().orElseThrow();
        assertThat(row.select("td").eachText()).containsSubsequence(code, "1", "2");
        long goods = 2 * 1234;
        long shipping = jdbc.sql("SELECT SUM(shipping_fee * 100) FROM shop_order WHERE customer_id = :c")
                .param("c", buyer.id()).query(java.math.BigDecimal.class).single().longValueExact();
        String revenue = java.math.BigDecimal.valueOf(goods + shipping, 2).toPlainString();
        assertThat(row.select("td").get(4).text()).contains(revenue);
    }

    @Test
    void theOwnersStaffPageCountsTheVisitsEachMemberMarkedDoneAndTheScoreOfTheirOrdersAnswers() throws Exception {
        String email = OrderFixtures.unique("visits").toLowerCase(Locale.ROOT) + "@example.com";
        String code = invite(email);
        String otherEmail = OrderFixtures.unique("other").toLowerCase(Locale.ROOT) + "@example.com";
        String otherCode = invite(otherEmail);
        TestCustomer buyer = fixtures.customer("Vic Visited");
        long address = fixtures.address(buyer.id());
        String promoted = placed(buyer, address, code);
        String detracted = placed(buyer, address, code);
        String passive = placed(buyer, address, code);
        TestCustomer ned = fixtures.customer("Ned Nocode");
        String unattributed = placed(ned, fixtures.address(ned.id()), "");
        answer(promoted, 10);
        answer(detracted, 2);
        answer(passive, 8);
        answer(unattributed, 0);

        long first = visit(buyer.id(), promoted, 1);
        long second = visit(buyer.id(), promoted, 2);
        long byOwner = visit(buyer.id(), promoted, 3);
        visit(buyer.id(), promoted, 4);
        for (long visit : new long[] {first, second, first}) {
            mvc.perform(post("/admin/care/visits/" + visit + "/done").param("outcome", "HAPPY")
                    .with(user(email).roles("STAFF")).with(csrf())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/admin/care/visits/" + byOwner + "/done").param("outcome", "HAPPY")
                .with(user(fixtures.owner())).with(csrf())).andExpect(status().is3xxRedirection());

        Document page = Jsoup.parse(mvc.perform(get("/admin/staff").locale(Locale.ENGLISH).with(user(fixtures.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var row = page.select("#staff-table tbody tr").stream().filter(tr -> tr.text().contains(email)).findFirst().orElseThrow();
        assertThat(row.select("[data-column=visits-done]").text()).isEqualTo("2");
        // One promoter, one passive, one detractor of three: (1 - 1) / 3 = 0, the unattributed 0 not counted.
        assertThat(row.select("[data-column=satisfaction]").text()).isEqualTo("0 3 answers");
        var other = page.select("#staff-table tbody tr").stream().filter(tr -> tr.text().contains(otherEmail)).findFirst().orElseThrow();
        assertThat(other.select("[data-column=visits-done]").text()).isEqualTo("0");
        assertThat(other.select("[data-column=satisfaction]").text()).isEqualTo("–");
        assertThat(otherCode).isNotEqualTo(code);

        answer(detracted, 9);
        Document changed = Jsoup.parse(mvc.perform(get("/admin/staff").locale(Locale.ENGLISH).with(user(fixtures.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var after = changed.select("#staff-table tbody tr").stream().filter(tr -> tr.text().contains(email)).findFirst().orElseThrow();
        assertThat(after.select("[data-column=satisfaction]").text()).as("a changed answer counts as changed")
                .isEqualTo("67 3 answers");
    }

    /** The order's answer (a changed one replaces it), written as satisfaction keeps it. */
    private void answer(String orderNumber, int score) {
        long order = jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", orderNumber).query(Long.class).single();
        long customer = jdbc.sql("SELECT customer_id FROM shop_order WHERE number = :n").param("n", orderNumber)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO satisfaction_survey (order_id, order_number, customer_id, completed_at, ask_at)
                VALUES (:o, :n, :c, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING""")
                .param("o", order).param("n", orderNumber).param("c", customer).update();
        long survey = jdbc.sql("SELECT id FROM satisfaction_survey WHERE order_id = :o").param("o", order)
                .query(Long.class).single();
        jdbc.sql("DELETE FROM satisfaction_answer WHERE survey_id = :s").param("s", survey).update();
        jdbc.sql("""
                INSERT INTO satisfaction_answer (survey_id, score, answered_at, changed_at)
                VALUES (:s, :score, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").param("s", survey).param("score", score)
                .update();
    }

    private long visit(long customerId, String orderNumber, int sequence) {
        long order = jdbc.sql("SELECT id FROM shop_order WHERE number = :n").param("n", orderNumber).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO care_visit (customer_id, order_id, order_number, product_id, product_name, description,
                                        sequence, due_on)
                VALUES (:c, :o, :n, :p, 'Staff tea', 'Check', :seq, CURRENT_DATE)""")
                .param("c", customerId).param("o", order).param("n", orderNumber).param("p", product)
                .param("seq", sequence).update();
        return jdbc.sql("SELECT id FROM care_visit WHERE order_id = :o AND sequence = :seq").param("o", order)
                .param("seq", sequence).query(Long.class).single();
    }

    private String role(long customerId) {
        return jdbc.sql("SELECT role FROM customer WHERE id = :id").param("id", customerId).query(String.class).single();
    }
}
