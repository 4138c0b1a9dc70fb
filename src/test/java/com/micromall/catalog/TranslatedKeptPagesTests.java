package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Kept pages (KeptPages) are kept per language, so a guest never gets product names in another reader's language. */
@MicromallTest
@TestPropertySource(properties = "micromall.kept-pages.ttl=PT10M")
class TranslatedKeptPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aKeptPageNamesProductsAndCategoriesInTheLanguageOfWhoeverReadsIt() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        String token = CatalogFixtures.token();
        CatalogFixtures.CategoryRow category = catalog.category("Tea " + token);
        long product = catalog.product("Oolong " + token, category.id(), "8.00", 5);
        jdbc.sql("INSERT INTO product_translation (product_id, language, name) VALUES (:p, 'zh_CN', :n)")
                .param("p", product).param("n", "乌龙茶 " + token).update();
        jdbc.sql("INSERT INTO category_translation (category_id, language, name) VALUES (:c, 'zh_CN', :n)")
                .param("c", category.id()).param("n", "茶 " + token).update();
        String list = "/products?category=" + category.slug();

        for (int view = 0; view < 2; view++) {
            assertThat(html(get(list).cookie(new Cookie("micromall_lang", "zh_CN"))))
                    .contains("乌龙茶 " + token, "茶 " + token).doesNotContain("Oolong " + token);
            assertThat(html(get(list).cookie(new Cookie("micromall_lang", "en"))))
                    .contains("Oolong " + token, "Tea " + token).doesNotContain("乌龙茶");
            assertThat(html(get(list))).contains("Oolong " + token).doesNotContain("乌龙茶");
            assertThat(html(get("/products/" + product).cookie(new Cookie("micromall_lang", "zh_CN"))))
                    .contains("乌龙茶 " + token);
            assertThat(html(get("/products/" + product))).contains("Oolong " + token).doesNotContain("乌龙茶");
        }
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).html();
    }
}
