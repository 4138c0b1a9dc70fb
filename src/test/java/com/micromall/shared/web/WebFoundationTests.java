package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@MicromallTest
class WebFoundationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theHomePageIsPublicAndShowsTheShopName() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Welcome to Micromall")));
    }

    @Test
    void langParameterSwitchesTheLanguageAndACookieRemembersIt() throws Exception {
        mvc.perform(get("/").param("lang", "zh_CN"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("micromall_lang", "zh-CN"))
                .andExpect(cookie().httpOnly("micromall_lang", true))
                .andExpect(content().string(Matchers.containsString("欢迎光临Micromall")));

        mvc.perform(get("/").cookie(new Cookie("micromall_lang", "zh-TW")))
                .andExpect(content().string(Matchers.containsString("歡迎光臨Micromall")));
        mvc.perform(get("/").param("lang", "fil"))
                .andExpect(content().string(Matchers.containsString("Maligayang pagdating sa Micromall")));
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglish() throws Exception {
        mvc.perform(get("/").param("lang", "de"))
                .andExpect(cookie().value("micromall_lang", "en"))
                .andExpect(content().string(Matchers.containsString("Welcome to Micromall")))
                .andExpect(content().string(Matchers.containsString("<html lang=\"en\">")));
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutThirdPartyHosts() throws Exception {
        String csp = mvc.perform(get("/"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("http").doesNotContain("unsafe");
    }

    @Test
    void pagesUseOnlyLocalStylesAndScripts() throws Exception {
        String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/webjars/bootstrap/").doesNotContain("https://").doesNotContain("http://cdn");
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/css/micromall.css")).andExpect(status().isOk());
    }

    @Test
    void staticFilesGetAContentHashInTheirUrlAndMayBeCachedForAYear() throws Exception {
        String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        Matcher css = Pattern.compile("href=\"(/css/micromall-[0-9a-f]{32}\\.css)\"").matcher(html);
        assertThat(css.find()).as("fingerprinted stylesheet link in %s", html).isTrue();
        assertThat(html).containsPattern("/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap\\.min\\.css");

        mvc.perform(get(css.group(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=31536000")));
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreForTheOwner() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("UP")));
        mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/metrics").with(user("shopper@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().isOk());
    }

    @Test
    void adminPagesRefuseVisitorsAndCustomers() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/anything").with(user("shopper@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/logout").with(user("shopper@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("email", "owner@demo.micromall").param("password", "micromall-demo"))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void theLoginPageIsAFormWithACsrfToken() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("name=\"email\"")));
    }

    @Test
    void theOwnerCreatedOnFirstStartCanLogInWithAnyCaseOfTheirEmail() throws Exception {
        mvc.perform(formLogin("/login").userParameter("email").user("Owner@Demo.Micromall").password("micromall-demo"))
                .andExpect(authenticated().withRoles("OWNER"));
        mvc.perform(formLogin("/login").userParameter("email").user("owner@demo.micromall").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void logoutNeedsAPostWithToken() throws Exception {
        mvc.perform(post("/logout").with(csrf()).with(user("shopper@example.com").roles("CUSTOMER")))
                .andExpect(status().is3xxRedirection());
    }
}
