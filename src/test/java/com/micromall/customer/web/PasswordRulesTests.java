package com.micromall.customer.web;

import static com.micromall.customer.web.SignInTests.anAddress;
import static com.micromall.customer.web.SignInTests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.support.MicromallTest;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MicromallTest
class PasswordRulesTests {

    /** 25 Chinese characters: 75 bytes in UTF-8, more than BCrypt reads. */
    static final String SEVENTY_FIVE_BYTES = "我的密码是一个很长很长的中文句子所以它超过了七十二";

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRegistration registration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPasswordOverSeventyTwoBytesIsShownAgainWithAMessageNotAnError() throws Exception {
        assertThat(SEVENTY_FIVE_BYTES.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        String email = CustomerMother.uniqueEmail("long");
        Document page = register("Long Password", email, SEVENTY_FIVE_BYTES);

        assertThat(page.select("#registration-form .invalid-feedback").text()).contains("at most 72 bytes");
        assertThat(page.select("#email").val()).isEqualTo(email);
        assertThat(accounts(email)).isZero();
    }

    @Test
    void theMostCommonPasswordsAreRefused() throws Exception {
        for (String common : new String[] {"aaaaaaaa", "password123", "qwertyuiop", "Password123"}) {
            String email = CustomerMother.uniqueEmail("common");
            Document page = register("Common Person", email, common);
            assertThat(page.select("#registration-form .invalid-feedback").text()).as(common)
                    .contains("one of the most common");
            assertThat(accounts(email)).isZero();
        }
    }

    @Test
    void aPasswordThatIsTheEmailOrTheNameIsRefused() throws Exception {
        String email = CustomerMother.uniqueEmail("selfish");
        assertThat(register("Selfish Person", email, email).select("#registration-form .invalid-feedback").text())
                .contains("must not be your e-mail or your name");
        assertThat(register("Selfish Person", email, "selfish person").select("#registration-form .invalid-feedback")
                .text()).contains("must not be your e-mail or your name");
        assertThat(accounts(email)).isZero();
    }

    @Test
    void aGoodLongPasswordIsAccepted() throws Exception {
        String email = CustomerMother.uniqueEmail("good");
        mvc.perform(post("/register").with(csrf()).with(from(anAddress())).param("name", "Good Person")
                        .param("email", email).param("password", "my bicycle is blue and 長い"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts(email)).isOne();
    }

    @Test
    void changingToATooLongOrCommonPasswordIsShownAgainWithAMessage() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Changing Person");
        for (String[] refused : new String[][] {{SEVENTY_FIVE_BYTES, "at most 72 bytes"},
                {"password123", "one of the most common"}}) {
            Document page = Jsoup.parse(mvc.perform(post("/account/password").with(csrf()).with(user(me))
                            .param("currentPassword", CustomerMother.PASSWORD).param("newPassword", refused[0]))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("#newPassword-error").text()).contains(refused[1]);
        }
        mvc.perform(post("/account/password").with(csrf()).with(user(me))
                        .param("currentPassword", CustomerMother.PASSWORD).param("newPassword", "still my own secret"))
                .andExpect(redirectedUrl("/account"));
    }

    private Document register(String name, String email, String password) throws Exception {
        return Jsoup.parse(mvc.perform(post("/register").with(csrf()).with(from(anAddress()))
                        .param("name", name).param("email", email).param("password", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private int accounts(String email) {
        return jdbc.sql("SELECT count(*) FROM customer WHERE email = :email").param("email", email.toLowerCase())
                .query(Integer.class).single();
    }
}
