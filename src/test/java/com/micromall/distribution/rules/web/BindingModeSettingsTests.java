package com.micromall.distribution.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.referral.BindingModes;
import com.micromall.distribution.referral.BindingModes.BindingMode;
import com.micromall.distribution.referral.BindingModes.Mode;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

@MicromallTest
@Transactional
class BindingModeSettingsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired BindingModes modes;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;

    /** Every test starts from, and leaves behind, the default: other tests share the one setting row. */
    @BeforeEach
    @AfterEach
    void backToTheDefault() {
        modes.change(new BindingMode(Mode.PERMANENT, 30), "test");
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(OWNER).roles("OWNER")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder save(String mode, String days) {
        return post("/admin/settings/distribution/binding").with(csrf()).param("bindingMode", mode)
                .param("protectionDays", days);
    }

    private long auditLines(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.distribution' AND subject = :s AND actor = :a")
                .param("s", subject).param("a", OWNER).query(Long.class).single();
    }

    @Test
    void theSettingsPageOffersBothModesWithWhatEachSuitsAndPermanentIsTheDefault() throws Exception {
        Document page = page(get("/admin/settings/distribution"));
        assertThat(page.select("#binding-mode input[name=bindingMode]").eachAttr("value"))
                .containsExactly("PERMANENT", "LAST_SHARE_WINS");
        assertThat(page.select("#binding-mode input[name=bindingMode][checked]").attr("value")).isEqualTo("PERMANENT");
        assertThat(page.select("#binding-mode").text()).contains("smart locks").contains("groceries");
        assertThat(page.select("#protectionDays").val()).isEqualTo("30");
    }

    @Test
    void theSameChoicePostedTwiceIsSavedAndAuditedOnce() throws Exception {
        long version = jdbc.sql("SELECT version FROM referral_binding_mode WHERE id = 1").query(Long.class).single();
        long modeLines = auditLines("bindingMode");
        long dayLines = auditLines("bindingProtectionDays");
        for (int i = 0; i < 2; i++) {
            mvc.perform(save("LAST_SHARE_WINS", "14").with(user(OWNER).roles("OWNER")))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/admin/settings/distribution#binding-mode"));
        }
        assertThat(modes.current()).isEqualTo(new BindingMode(Mode.LAST_SHARE_WINS, 14));
        assertThat(jdbc.sql("SELECT version FROM referral_binding_mode WHERE id = 1").query(Long.class).single())
                .isEqualTo(version + 1);
        assertThat(auditLines("bindingMode")).isEqualTo(modeLines + 1);
        assertThat(auditLines("bindingProtectionDays")).isEqualTo(dayLines + 1);
    }

    @Test
    void daysOutsideOneTo365AreRefusedWithAClearMessageAndTheInputKept() throws Exception {
        long modeLines = auditLines("bindingMode");
        for (String days : new String[] {"0", "366", "abc", "", "7.5"}) {
            Document page = page(save("LAST_SHARE_WINS", days));
            assertThat(page.select("#protectionDays").val()).isEqualTo(days);
            assertThat(page.select("#protectionDays-error").text()).isEqualTo("Enter a whole number of days from 1 to 365.");
            assertThat(page.select("#binding-mode input[name=bindingMode][checked]").attr("value"))
                    .isEqualTo("LAST_SHARE_WINS");
        }
        assertThat(page(save("SOMETIMES", "10")).select("#binding-mode").text())
                .contains("Choose one of the two binding modes.");
        assertThat(modes.current().mode()).isEqualTo(Mode.PERMANENT);
        assertThat(auditLines("bindingMode")).isEqualTo(modeLines);
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post("/admin/settings/distribution/binding").param("bindingMode", "LAST_SHARE_WINS")
                .param("protectionDays", "10").with(user(OWNER).roles("OWNER"))).andExpect(status().isForbidden());
        assertThat(modes.current().mode()).isEqualTo(Mode.PERMANENT);
    }

    @Test
    void onlyTheOwnerChangesTheMode() throws Exception {
        mvc.perform(save("LAST_SHARE_WINS", "10").with(user("someone@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        assertThat(modes.current().mode()).isEqualTo(Mode.PERMANENT);
    }

    @Test
    void theInviteeListShowsHowEachFriendCameAndInLastShareWinsUntilWhenTheyAreProtected() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, null, null, null);
        TestCustomer anna = fixtures.orders.customer("Anna Inviter");
        enrolment.enrolActive(anna.id());
        TestCustomer fresh = fixtures.referredBy(anna, "Fred Fresh");
        TestCustomer old = fixtures.referredBy(anna, "Olga Old");
        jdbc.sql("UPDATE referral_binding SET bound_at = :at WHERE referee_id = :c")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(20)))).param("c", old.id()).update();

        Document permanent = dashboard(anna);
        assertThat(permanent.select(".mm-invitee-source").eachText()).containsOnly("Came through your link");
        assertThat(permanent.select(".mm-invitee-protection")).isEmpty();

        modes.change(new BindingMode(Mode.LAST_SHARE_WINS, 10), "test");
        Document lastShare = dashboard(anna);
        assertThat(lastShare.select(".mm-invitee-protection").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Stays yours at least until"))
                .anySatisfy(t -> assertThat(t).startsWith("Protection ended"));
        assertThat(fresh.id()).isNotEqualTo(old.id());
    }

    private Document dashboard(TestCustomer who) throws Exception {
        return Jsoup.parse(mvc.perform(get("/distribution").locale(Locale.ENGLISH).with(user(who.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
