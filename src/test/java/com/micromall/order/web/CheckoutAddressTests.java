package com.micromall.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Checkout keeps the address a customer typed (unless they untick it) and offers the last used one next time. */
@MicromallTest
class CheckoutAddressTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;
    long product;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
        product = fixtures.product("Address tea", "5.00", 100);
    }

    private Document checkoutPage(TestCustomer buyer) throws Exception {
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "1")
                .with(user(buyer.principal())).with(csrf())).andExpect(status().is3xxRedirection());
        return Jsoup.parse(mvc.perform(get("/checkout").locale(Locale.ENGLISH).with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletRequestBuilder checkoutPost(TestCustomer buyer, Document page) {
        return post("/checkout").locale(Locale.ENGLISH).with(user(buyer.principal())).with(csrf())
                .param("checkoutToken", page.selectFirst("input[name=checkoutToken]").val())
                .param("paymentMethod", "BANK_TRANSFER");
    }

    /** The checkout form with a typed address and the box as the browser sends it: ticked or not. */
    private MockHttpServletRequestBuilder typed(TestCustomer buyer, Document page, String line1, boolean save) {
        MockHttpServletRequestBuilder request = checkoutPost(buyer, page).param("addressId", "")
                .param("recipient", "Mia Tan").param("phone", "555-0199").param("line1", line1)
                .param("city", "Suzhou").param("postalCode", "215000").param("country", "China")
                .param("_saveAddress", "on");
        return save ? request.param("saveAddress", "true") : request;
    }

    private void placed(MockHttpServletRequestBuilder request) throws Exception {
        assertThat(mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl()).endsWith("/confirmation");
    }

    private List<String> savedLines(TestCustomer buyer) {
        return jdbc.sql("SELECT line1 FROM customer_address WHERE customer_id = :c ORDER BY id")
                .param("c", buyer.id()).query(String.class).list();
    }

    private static String preselected(Document page) {
        Element checked = page.selectFirst("input[name=addressId][checked]");
        assertThat(checked).as("a pre-selected address").isNotNull();
        return page.selectFirst("label[for=" + checked.id() + "]").text();
    }

    @Test
    void anAddressTypedAtCheckoutIsSavedAndPreSelectedAtTheNextCheckout() throws Exception {
        TestCustomer buyer = fixtures.customer("Mia Tan");
        Document first = checkoutPage(buyer);
        assertThat(first.select("input[type=checkbox][name=saveAddress][checked]")).hasSize(1);
        assertThat(first.select("label[for=saveAddress1]").text()).isEqualTo("Save this address for next time");

        placed(typed(buyer, first, "12 Canal Street", true));

        assertThat(savedLines(buyer)).containsExactly("12 Canal Street");
        assertThat(preselected(checkoutPage(buyer))).contains("12 Canal Street").contains("215000 Suzhou");
        Document account = Jsoup.parse(mvc.perform(get("/account").locale(Locale.ENGLISH).with(user(buyer.principal())))
                .andReturn().getResponse().getContentAsString());
        assertThat(account.select(".mm-addresses li").text()).contains("12 Canal Street");
    }

    @Test
    void aNewAddressShownAgainForAMissingFieldIsStillTheChosenOneBesideTheSavedOnes() throws Exception {
        TestCustomer buyer = fixtures.customer("Ria Typo");
        placed(typed(buyer, checkoutPage(buyer), "8 Saved Street", true));

        Document again = Jsoup.parse(mvc.perform(typed(buyer, checkoutPage(buyer), "", true))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(again.select("#line1-error").text()).isEqualTo("Please fill this in.");
        assertThat(again.select("input[name=recipient]").val()).isEqualTo("Mia Tan");
        assertThat(preselected(again)).isEqualTo("Send to a new address (below)");
    }

    @Test
    void untickingSaveThisAddressKeepsItOutOfTheAddressBook() throws Exception {
        TestCustomer buyer = fixtures.customer("No Save");

        placed(typed(buyer, checkoutPage(buyer), "3 Quiet Lane", false));

        assertThat(savedLines(buyer)).isEmpty();
        Document next = checkoutPage(buyer);
        assertThat(next.select("input[name=addressId]")).isEmpty();
        assertThat(next.select("input[name=line1]").val()).isEmpty();
    }

    @Test
    void theSameAddressTypedAgainIsNotSavedTwiceAndTheLastUsedOneIsPreSelected() throws Exception {
        TestCustomer buyer = fixtures.customer("Two Homes");
        long home = fixtures.address(buyer.id());

        placed(typed(buyer, checkoutPage(buyer), "12 Canal Street", true));
        assertThat(preselected(checkoutPage(buyer))).contains("12 Canal Street");

        placed(checkoutPost(buyer, checkoutPage(buyer)).param("addressId", "" + home));
        assertThat(preselected(checkoutPage(buyer))).contains("9 Saved Road");

        // Typed once more with other capitals and spaces: the same address, now the last used again.
        placed(typed(buyer, checkoutPage(buyer), "12  canal STREET ", true));
        assertThat(savedLines(buyer)).containsExactly("9 Saved Road", "12 Canal Street");
        assertThat(preselected(checkoutPage(buyer))).contains("12 Canal Street");
        assertThat(jdbc.sql("SELECT is_default FROM customer_address WHERE id = :id").param("id", home)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theCheckoutFormSentTwiceWithSaveOnPlacesOneOrderAndSavesOneAddress() throws Exception {
        TestCustomer buyer = fixtures.customer("Double Saver");
        Document page = checkoutPage(buyer);

        placed(typed(buyer, page, "5 Twice Road", true));
        placed(typed(buyer, page, "5 Twice Road", true));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", buyer.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(savedLines(buyer)).containsExactly("5 Twice Road");
    }

    @Test
    void aFormWithMistakesIsShownAgainWithTheBoxAsTheCustomerLeftIt() throws Exception {
        TestCustomer buyer = fixtures.customer("Careless");
        Document page = checkoutPage(buyer);

        Document again = Jsoup.parse(mvc.perform(typed(buyer, page, "", false)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(again.select("#line1.is-invalid")).hasSize(1);
        assertThat(again.select("input[name=recipient]").val()).isEqualTo("Mia Tan");
        assertThat(again.select("input[type=checkbox][name=saveAddress]")).hasSize(1);
        assertThat(again.select("input[type=checkbox][name=saveAddress][checked]")).isEmpty();
        assertThat(savedLines(buyer)).isEmpty();
    }

    @Test
    void aCustomerCanNeitherShipToNorDeleteAnotherCustomersSavedAddress() throws Exception {
        TestCustomer owner = fixtures.customer("Address Owner");
        long theirs = fixtures.address(owner.id());
        TestCustomer intruder = fixtures.customer("Intruder");

        Document refused = Jsoup.parse(mvc.perform(checkoutPost(intruder, checkoutPage(intruder))
                        .param("addressId", "" + theirs)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".invalid-feedback").text()).isNotBlank();
        assertThat(refused.text()).doesNotContain("9 Saved Road");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", intruder.id())
                .query(Long.class).single()).isZero();

        mvc.perform(post("/account/addresses/" + theirs + "/delete").with(user(intruder.principal())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/addresses/" + theirs + "/delete").with(user(owner.principal())))
                .andExpect(status().isForbidden());
        assertThat(savedLines(owner)).containsExactly("9 Saved Road");
        assertThat(jdbc.sql("SELECT last_used_at FROM customer_address WHERE id = :id").param("id", theirs)
                .query(java.sql.Timestamp.class).optional()).isEmpty();
    }

    @Test
    void theCustomerDeletesASavedAddressFromTheirAccount() throws Exception {
        TestCustomer buyer = fixtures.customer("Tidy");
        placed(typed(buyer, checkoutPage(buyer), "7 Old Street", true));
        long saved = jdbc.sql("SELECT id FROM customer_address WHERE customer_id = :c").param("c", buyer.id())
                .query(Long.class).single();

        mvc.perform(post("/account/addresses/" + saved + "/delete").with(user(buyer.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(savedLines(buyer)).isEmpty();
        assertThat(checkoutPage(buyer).select("input[name=addressId]")).isEmpty();
    }
}
