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
import com.micromall.care.files.CustomerNotes;
import java.util.UUID;
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
    @Autowired CustomerNotes notes;
    @Autowired VoucherIssuing issuing;
    @Autowired com.micromall.settings.ShopSettingsService settings;

    OrderFixtures orders;
    VoucherFixtures vouchers;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        vouchers = new VoucherFixtures(issuing, settings, jdbc);
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
                        .param("emails", anna.email() + "\nghost@example.com").param("token", UUID.randomUUID().toString()))
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

    @Test
    void theOwnerGivesATemplateToATagOrALevelAndTheSameFormSentTwiceGivesNobodyASecondVoucher() throws Exception {
        TestCustomer tagged = orders.customer("Tagged Tia");
        TestCustomer untagged = orders.customer("Plain Pia");
        TestCustomer gold = orders.customer("Gold Gia");
        String tag = OrderFixtures.unique("vip").toLowerCase(Locale.ROOT);
        notes.addTag(tagged.id(), tag, "owner");
        long level = jdbc.sql("INSERT INTO loyalty_level (name, threshold, discount_percent, created_at) VALUES (:n, 987654, 1, now()) RETURNING id")
                .param("n", OrderFixtures.unique("Group Gold")).query(Long.class).single();
        jdbc.sql("INSERT INTO loyalty_membership (customer_id, level_id, reached_at, held_until) VALUES (:c, :l, now(), now() + INTERVAL '1' DAY)")
                .param("c", gold.id()).param("l", level).update();
        long template = vouchers.template().limit(2).create();
        String location = "/admin/loyalty/vouchers/" + template;

        Document page = Jsoup.parse(mvc.perform(get(location).with(user(orders.owner())).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#issue-to-group option").eachAttr("value")).contains("tag:" + tag, "level:" + level);
        String token = page.select("#issue-to-group input[name=token]").val();
        assertThat(page.select("#issue-by-email input[name=token]").val()).isEqualTo(token);

        for (int click = 0; click < 2; click++) {
            mvc.perform(post(location + "/issue-to-group").with(user(orders.owner())).with(csrf())
                    .param("group", "tag:" + tag).param("token", token)).andExpect(status().is3xxRedirection());
        }
        assertThat(held(template, tagged.id())).as("a double click gives one voucher").isEqualTo(1);
        assertThat(held(template, untagged.id())).isZero();

        String secondTab = Jsoup.parse(mvc.perform(get(location).with(user(orders.owner()))).andReturn().getResponse()
                .getContentAsString()).select("#issue-to-group input[name=token]").val();
        assertThat(secondTab).isNotEqualTo(token);
        mvc.perform(post(location + "/issue-to-group").with(user(orders.owner())).with(csrf())
                .param("group", "tag:" + tag).param("token", secondTab)).andExpect(status().is3xxRedirection());
        assertThat(held(template, tagged.id())).as("another form gives again, up to the limit of 2").isEqualTo(2);

        MvcResult byLevel = mvc.perform(post(location + "/issue-to-group").with(user(orders.owner())).with(csrf())
                .param("group", "level:" + level).param("token", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((java.util.Map<String, Object>) byLevel.getFlashMap()).containsEntry("issuedCount", 1);
        assertThat(held(template, gold.id())).isEqualTo(1);
    }

    @Test
    void aGroupFormWithoutAChoiceOrWithoutItsTokenGivesNothingAndSaysWhy() throws Exception {
        TestCustomer tagged = orders.customer("Tokenless Tom");
        String tag = OrderFixtures.unique("tokenless").toLowerCase(Locale.ROOT);
        notes.addTag(tagged.id(), tag, "owner");
        long template = vouchers.template().create();
        String location = "/admin/loyalty/vouchers/" + template;

        Document noChoice = Jsoup.parse(mvc.perform(post(location + "/issue-to-group").with(user(orders.owner()))
                        .with(csrf()).locale(Locale.ENGLISH).param("group", "tag:no-such-tag")
                        .param("token", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(noChoice.select("#issue-to-group .invalid-feedback").text())
                .isEqualTo("Choose a member level or a customer tag.");

        Document noToken = Jsoup.parse(mvc.perform(post(location + "/issue-to-group").with(user(orders.owner()))
                        .with(csrf()).locale(Locale.ENGLISH).param("group", "tag:" + tag))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(noToken.select("#issue-error").text()).startsWith("This form has expired.");
        assertThat(noToken.select("#group option[selected]").val()).isEqualTo("tag:" + tag);
        assertThat(held(template, tagged.id())).isZero();
    }

    private long held(long template, long customer) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher WHERE template_id = :t AND customer_id = :c")
                .param("t", template).param("c", customer).query(Long.class).single();
    }
}
