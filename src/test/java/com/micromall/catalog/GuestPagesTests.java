package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The category and home pages a guest sees are kept for a while (GuestPageCache): rendered once,
 * then the same bytes without a query, and never for anyone whose page would differ. The rest of
 * the suite runs with the cache off, since its fixtures change the shop behind the pages' back.
 */
@MicromallTest
@TestPropertySource(properties = "micromall.guest-pages.ttl=PT10M")
class GuestPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired QueryCounter queries;

    CatalogFixtures catalog;
    String slug;
    long categoryId;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(jdbc);
        CatalogFixtures.CategoryRow category = catalog.category("Kept");
        catalog.product("First " + CatalogFixtures.token(), category.id(), "4.00", 10);
        slug = category.slug();
        categoryId = category.id();
    }

    @Test
    void aGuestsSecondViewIsTheSamePageWithoutAQueryAndWithTheSecurityHeaders() throws Exception {
        String first = html(get("/products?category=" + slug));

        MvcResult[] second = new MvcResult[1];
        List<String> statements = queries.record(() -> second[0] = mvc.perform(get("/products?category=" + slug))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Language", "en"))
                .andReturn());

        assertThat(statements).as("statements for a kept page").isEmpty();
        assertThat(second[0].getResponse().getContentAsString()).isEqualTo(first);
        assertThat(second[0].getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
    }

    @Test
    void aGuestSeesAProductAddedBehindThePagesBackOnlyOnceTheOwnerChangesSomething() throws Exception {
        html(get("/products?category=" + slug));
        String added = "Added " + CatalogFixtures.token();
        long product = catalog.product(added, categoryId, "6.00", 10);

        assertThat(html(get("/products?category=" + slug))).as("kept page").doesNotContain(added);

        mvc.perform(post("/admin/products/" + product + "/archive").with(user("owner@shop.example").roles("OWNER"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        catalog.product("Visible " + added, categoryId, "6.00", 10);

        assertThat(html(get("/products?category=" + slug))).as("page after the owner's change")
                .contains("Visible " + added).doesNotContain(">" + added + "<");
    }

    @Test
    void visitorsWhosePageDiffersAreAlwaysRendered() throws Exception {
        html(get("/products?category=" + slug));
        String added = "Later " + CatalogFixtures.token();
        catalog.product(added, categoryId, "6.00", 10);

        assertThat(html(get("/products?category=" + slug).cookie(new Cookie("SESSION", "some-session"))))
                .as("with a session cookie").contains(added);
        assertThat(html(get("/products?category=" + slug).cookie(new Cookie("mm_ref", "SOMECODE"))))
                .as("with a referral cookie").contains(added);
        assertThat(html(get("/products?category=" + slug).with(user("someone@shop.example").roles("CUSTOMER"))))
                .as("signed in").contains(added);
        assertThat(html(get("/products?category=" + slug))).as("guest, still the kept page").doesNotContain(added);
    }

    @Test
    void aGuestWithACsrfCookieIsServedTheKeptPageButNeverFillsIt() throws Exception {
        Cookie token = new Cookie("XSRF-TOKEN", "guest-token-" + CatalogFixtures.token());
        html(get("/products?category=" + slug).cookie(token));
        String second = "Second " + CatalogFixtures.token();
        catalog.product(second, categoryId, "6.00", 10);

        assertThat(html(get("/products?category=" + slug))).as("the token guest's page was not kept").contains(second);

        String third = "Third " + CatalogFixtures.token();
        catalog.product(third, categoryId, "6.00", 10);
        String served = html(get("/products?category=" + slug).cookie(token));
        assertThat(served).as("kept page for the token guest").contains(second).doesNotContain(third)
                .doesNotContain(token.getValue());
    }

    @Test
    void eachLanguageHasItsOwnPageAndSwitchingLanguageIsNeverServedFromTheCache() throws Exception {
        String english = html(get("/products?category=" + slug));
        String chinese = html(get("/products?category=" + slug).cookie(new Cookie("micromall_lang", "zh-CN")));

        assertThat(chinese).isNotEqualTo(english).contains("lang=\"zh-CN\"");
        assertThat(html(get("/products?category=" + slug).cookie(new Cookie("micromall_lang", "zh-CN"))))
                .isEqualTo(chinese);

        MvcResult switched = mvc.perform(get("/products?category=" + slug + "&lang=fil")).andExpect(status().isOk())
                .andExpect(header().exists("Set-Cookie")).andReturn();
        assertThat(switched.getResponse().getContentAsString()).contains("lang=\"fil\"");
        assertThat(queries.record(() -> mvc.perform(get("/products?category=" + slug + "&lang=fil"))
                .andExpect(header().exists("Set-Cookie")))).as("a page that sets a cookie is not kept").isNotEmpty();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
