package com.micromall.loyalty.vouchers;

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
import java.util.List;
import java.util.Locale;
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

/** The owner's voucher pages: owner only, a template's form checks its input and re-shows it, issuing and figures. */
@MicromallTest
class AdminVoucherPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
    }

    @Test
    void staffAndCustomersCannotOpenTheVoucherPages() throws Exception {
        CustomerPrincipal staff = new CustomerPrincipal(1, "staff@example.com", "x", "Staff",
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
        TestCustomer customer = orders.customer("Curious");
        for (String path : List.of("/admin/loyalty/vouchers", "/admin/loyalty/vouchers/new")) {
            mvc.perform(get(path).with(user(staff))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user(customer.principal()))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/loyalty/vouchers").with(user(staff)).with(csrf()).param("name", "Sneaky"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/loyalty/vouchers").with(user(orders.owner())).param("name", "No CSRF"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTemplateWithMistakesIsShownAgainAsTypedWithAMessageAtEachField() throws Exception {
        MvcResult result = mvc.perform(post("/admin/loyalty/vouchers").with(user(orders.owner())).with(csrf())
                        .locale(Locale.ENGLISH).param("name", "Spring sale").param("kind", "PERCENT")
                        .param("value", "120").param("minSpend", "abc").param("validity", "DAYS").param("validDays", "0")
                        .param("perCustomerLimit", "1").param("scope", "CATEGORIES"))
                .andExpect(status().isOk()).andReturn();

        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#name").val()).isEqualTo("Spring sale");
        assertThat(page.select("#value").val()).isEqualTo("120");
        assertThat(page.select("#minSpend").val()).isEqualTo("abc");
        assertThat(page.select(".invalid-feedback").eachText()).contains("A percent is at most 100.",
                "Enter 0 or an amount with at most two decimals.", "Enter a number of days from 1 to 3650.",
                "Choose at least one category.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher_template WHERE name = 'Spring sale'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOwnerCreatesATemplateGivesItByEmailAndSeesItsFigures() throws Exception {
        TestCustomer anna = orders.customer("Figures Anna");
        String name = OrderFixtures.unique("Autumn");
        MvcResult created = mvc.perform(post("/admin/loyalty/vouchers").with(user(orders.owner())).with(csrf())
                        .param("name", name).param("kind", "FIXED").param("value", "15").param("minSpend", "100")
                        .param("validity", "DATES").param("validUntil", "2099-12-31").param("perCustomerLimit", "1")
                        .param("scope", "ALL").param("combinesWithWelcome", "true"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/loyalty/vouchers/\\d+");

        MvcResult issued = mvc.perform(post(location + "/issue").with(user(orders.owner())).with(csrf())
                        .param("emails", anna.email() + "\nghost@example.com"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((java.util.Map<String, Object>) issued.getFlashMap()).containsEntry("issuedCount", 1).containsEntry("unknownEmails", "ghost@example.com");
        Document page = Jsoup.parse(mvc.perform(get(location).with(user(orders.owner())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#figure-issued").text()).isEqualTo("1");
        assertThat(page.select("#figure-used").text()).isEqualTo("0");
        Document mine = Jsoup.parse(mvc.perform(get("/account/vouchers").with(user(anna.principal()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(mine.select("#vouchers-valid").text()).contains(name).contains("Minimum spend");
    }
}
