package com.micromall.groupbuy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The group page, the group checkout and the owner's page, through MockMvc with security. */
@MicromallTest
class GroupBuyPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired GroupBuying groupBuying;
    @Autowired GroupOffers offers;
    @Autowired org.springframework.context.MessageSource messages;

    OrderFixtures orders;
    GroupBuyFixtures fixtures;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        fixtures = new GroupBuyFixtures(orders, offers, jdbc);
    }

    private Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void anyoneWithTheLinkSeesTheGroupWithMaskedNamesAndTheShareLink() throws Exception {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Annabel Lee")));

        Document page = page(mvc.perform(get("/groups/" + group).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("#group-members").text()).contains("A***e").doesNotContain("Annabel");
        assertThat(page.select("#group-price").text()).contains("80.00");
        assertThat(page.select("#share-link").attr("value")).as("the host the visitor came by")
                .isEqualTo("http://localhost/groups/" + group);
        assertThat(page.select("#share-group img").attr("src")).startsWith("data:image/png;base64,");
        assertThat(page.select("#join-group").attr("href")).isEqualTo("/groups/" + group + "/join");
        assertThat(page.text()).contains("h").contains("left");
    }

    @Test
    void aGuestWhoWantsToJoinIsSentToSignIn() throws Exception {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Anna")));

        mvc.perform(get("/groups/" + group + "/join")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void theProductPageOffersToBuyTogether() throws Exception {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);

        Document page = page(mvc.perform(get("/products/" + product).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("#open-group").text()).contains("Buy together at").contains("80.00");
        assertThat(page.select("#open-group").attr("href")).isEqualTo("/groups/open?product=" + product);
    }

    @Test
    void joiningThroughThePagePlacesAnOrderAtTheGroupPriceOnce() throws Exception {
        long product = fixtures.offer(3, 10, OnExpiry.REFUND);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Anna")));
        TestCustomer ben = orders.customer("Ben");
        String token = UUID.randomUUID().toString();

        Document form = page(mvc.perform(get("/groups/" + group + "/join").with(user(ben.principal())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.select("#checkout-total").text()).contains("90.00");
        assertThat(form.text()).contains("replaces the welcome gift");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/groups/" + group + "/join").with(user(ben.principal())).with(csrf())
                            .param("checkoutToken", token).param("paymentMethod", "BANK_TRANSFER")
                            .param("recipient", "Ben").param("phone", "555").param("line1", "1 Road")
                            .param("city", "Suzhou").param("postalCode", "215000").param("country", "China"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/groups/" + group));
        }

        assertThat(fixtures.ordersOf(ben)).isEqualTo(1);
        assertThat(fixtures.orderNumbers(group)).hasSize(2);
    }

    @Test
    void aMissingOrTooLongAddressFieldIsShownNextToTheFieldAndNothingIsPlaced() throws Exception {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        TestCustomer anna = orders.customer("Anna");

        Document page = page(mvc.perform(post("/groups/open").param("product", Long.toString(product))
                        .with(user(anna.principal())).with(csrf()).locale(Locale.ENGLISH)
                        .param("checkoutToken", UUID.randomUUID().toString()).param("paymentMethod", "BANK_TRANSFER")
                        .param("recipient", "Anna typed this").param("phone", "").param("line1", "1 Road")
                        .param("city", "Suzhou").param("postalCode", "215000").param("country", "C".repeat(61)))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("#phone-error").text()).isNotBlank();
        assertThat(page.select("#country-error").text()).as("what the order's column holds").isEqualTo("At most 60 characters.");
        assertThat(page.select("#recipient").attr("value")).isEqualTo("Anna typed this");
        assertThat(fixtures.ordersOf(anna)).isZero();
    }

    @Test
    void whoeverComesTooLateIsToldAndOfferedANewGroup() throws Exception {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Anna")));
        groupBuying.join(group, GroupBuyFixtures.purchase(orders.customer("Ben")));
        TestCustomer late = orders.customer("Late");

        MvcResult result = mvc.perform(post("/groups/" + group + "/join").with(user(late.principal())).with(csrf())
                        .param("checkoutToken", UUID.randomUUID().toString()).param("paymentMethod", "BANK_TRANSFER")
                        .param("recipient", "Late").param("phone", "555").param("line1", "1 Road")
                        .param("city", "Suzhou").param("postalCode", "215000").param("country", "China"))
                .andExpect(redirectedUrl("/groups/" + group)).andReturn();
        assertThat((java.util.Map<String, Object>) result.getFlashMap()).containsEntry("flashError", "groupbuy.error.full")
                .containsEntry("offerNewGroup", true);
        assertThat(messages.getMessage("groupbuy.error.full", null, Locale.ENGLISH))
                .contains("took the last place").contains("Nothing was charged");
        Document page = page(mvc.perform(get("/groups/" + group).with(user(late.principal()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn());

        assertThat(page.select("#open-new-group").attr("href")).isEqualTo("/groups/open?product=" + product);
        assertThat(fixtures.ordersOf(late)).isZero();
    }

    @Test
    void staffAndCustomersCannotOpenTheOwnersPage() throws Exception {
        CustomerPrincipal staff = new CustomerPrincipal(1, "staff@example.com", "x", "Staff",
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
        mvc.perform(get("/admin/group-buys").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/group-buys").with(user(orders.customer("Nosy").principal())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/group-buys").with(user(staff)).with(csrf()).param("productId", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOwnerSetsTermsOnceHoweverOftenTheFormIsSentAndBadInputIsShownBack() throws Exception {
        long product = orders.product("Owner honey", "100.00", 10);
        CustomerPrincipal owner = orders.owner();

        Document bad = page(mvc.perform(post("/admin/group-buys").with(user(owner)).with(csrf()).locale(Locale.ENGLISH)
                        .param("productId", Long.toString(product)).param("groupSize", "7").param("groupPrice", "12.345")
                        .param("timeLimitHours", "24").param("onExpiry", "REFUND").param("enabled", "true"))
                .andExpect(status().isOk()).andReturn());
        assertThat(bad.select("#groupSize-error").text()).contains("2 to 5");
        assertThat(bad.select("#groupPrice").attr("value")).isEqualTo("12.345");
        Document notLower = page(mvc.perform(post("/admin/group-buys").with(user(owner)).with(csrf()).locale(Locale.ENGLISH)
                        .param("productId", Long.toString(product)).param("groupSize", "2").param("groupPrice", "100.00")
                        .param("timeLimitHours", "24").param("onExpiry", "REFUND").param("enabled", "true"))
                .andExpect(status().isOk()).andReturn());
        assertThat(notLower.select(".alert-danger").text()).contains("lower than the product price");

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/group-buys").with(user(owner)).with(csrf())
                            .param("productId", Long.toString(product)).param("groupSize", "3").param("groupPrice", "79.90")
                            .param("timeLimitHours", "12").param("onExpiry", "COMPLETE").param("enabled", "true"))
                    .andExpect(redirectedUrl("/admin/group-buys"));
        }

        assertThat(offers.of(product)).hasValueSatisfying(terms -> {
            assertThat(terms.groupSize()).isEqualTo(3);
            assertThat(terms.groupPrice().amount()).isEqualByComparingTo("79.90");
            assertThat(terms.onExpiry()).isEqualTo(OnExpiry.COMPLETE);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'groupbuy.offer' AND subject = :s")
                .param("s", orders.productName(product)).query(Long.class).single()).isEqualTo(1);
        Document list = page(mvc.perform(get("/admin/group-buys").with(user(owner)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn());
        assertThat(list.select("#group-offers").text()).contains(orders.productName(product)).contains("79.90");
    }
}
