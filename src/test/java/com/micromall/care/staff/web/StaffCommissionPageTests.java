package com.micromall.care.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.care.staff.StaffCommissionRate;
import com.micromall.order.OrderFixtures;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
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

/** The owner sets the shop-wide staff commission on the staff page; a bad percent is refused with the input kept. */
@MicromallTest
class StaffCommissionPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired StaffCommissionRate rate;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    @AfterEach
    void noStaffCommission() {
        rate.change(null, "test");
    }

    @Test
    void aPercentOverFiftyIsRefusedWithAClearMessageAndTheInputKept() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/staff/commission").locale(Locale.ENGLISH)
                        .with(user(fixtures.owner())).with(csrf()).param("percent", "60"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#staff-commission-form input[name=percent]").attr("value")).isEqualTo("60");
        assertThat(page.select("#staff-commission-form .invalid-feedback").text()).contains("from 0 to 50");
        assertThat(rate.current()).isEmpty();
    }

    @Test
    void theOwnerSetsTheStaffCommissionAndTheChangeIsAudited() throws Exception {
        mvc.perform(post("/admin/staff/commission").locale(Locale.ENGLISH)
                        .with(user(fixtures.owner())).with(csrf()).param("percent", "5"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/staff"));

        assertThat(rate.current()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(new BigDecimal("5")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'care.staff.commissionPercent' AND new_value = '5.00'")
                .query(Long.class).single()).isPositive();
        Document page = Jsoup.parse(mvc.perform(get("/admin/staff").locale(Locale.ENGLISH).with(user(fixtures.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#staff-commission-form input[name=percent]").attr("value")).isEqualTo("5");
        assertThat(page.text()).contains("paid with wages");
    }
}
