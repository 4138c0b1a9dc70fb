package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.support.MicromallTest;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MicromallTest
class ProductPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CatalogFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(jdbc);
    }

    @Test
    void plentyOfStockSaysInStockAndOffersAnAddToCartFormPostingToTheCart() throws Exception {
        long id = fixtures.product("Plenty " + CatalogFixtures.token(), null, "12.50", 40);

        Document page = productPage(id);

        assertThat(page.select("main .badge").text()).isEqualTo("In stock");
        assertThat(page.select(".mm-price").text()).contains("12.50");
        Element form = page.select("form[action=/cart/add]").first();
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.select("input[name=productId]").val()).isEqualTo(Long.toString(id));
        assertThat(form.select("input[name=quantity]").val()).isEqualTo("1");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("button[type=submit]").hasAttr("disabled")).isFalse();
    }

    @Test
    void fiveOrFewerLeftSaysOnlyNLeft() throws Exception {
        long id = fixtures.product("Few " + CatalogFixtures.token(), null, "8.00", 3);

        assertThat(productPage(id).select("main .badge").text()).isEqualTo("Only 3 left");
    }

    @Test
    void noStockSaysSoldOutAndDisablesAddToCart() throws Exception {
        long id = fixtures.product("Gone " + CatalogFixtures.token(), null, "8.00", 0);

        Document page = productPage(id);

        assertThat(page.select("main .badge").text()).isEqualTo("Sold out");
        assertThat(page.select("form[action=/cart/add] button[type=submit]").hasAttr("disabled")).isTrue();
    }

    @Test
    void thePageShowsTheDescriptionAndEveryPicture() throws Exception {
        long id = fixtures.product("Pictured " + CatalogFixtures.token(), null, "8.00", 9);
        long first = fixtures.image(id, CatalogFixtures.png(3, 3));
        long second = fixtures.image(id, CatalogFixtures.png(5, 5));

        Document page = productPage(id);

        assertThat(page.select(".mm-gallery-main img").eachAttr("src"))
                .containsExactly("/images/products/" + first, "/images/products/" + second);
        assertThat(page.select(".mm-description").text()).startsWith("Description of Pictured");
    }

    @Test
    void anArchivedProductIsNotFound() throws Exception {
        long id = fixtures.product("Old " + CatalogFixtures.token(), null, "8.00", 9, true, Instant.now());

        mvc.perform(get("/products/" + id)).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999", "abc", "-1", "0", "1e3", "99999999999999999999"})
    void missingOrGarbageIdsAreNotFoundNeverAnError(String id) throws Exception {
        mvc.perform(get("/products/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void aProductNamedLikeAScriptIsShownEscaped() throws Exception {
        String token = CatalogFixtures.token();
        long id = fixtures.product("<script>alert(1)</script>" + token, null, "8.00", 9);

        String product = mvc.perform(get("/products/" + id)).andReturn().getResponse().getContentAsString();
        String list = mvc.perform(get("/products").param("q", token)).andReturn().getResponse().getContentAsString();

        for (String html : new String[] {product, list}) {
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;" + token)
                    .doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void picturesAreServedWithTheirTypeAndCachedForAYear() throws Exception {
        long id = fixtures.product("Cached " + CatalogFixtures.token(), null, "8.00", 9);
        byte[] png = CatalogFixtures.png(7, 7);
        long imageId = fixtures.image(id, png);

        byte[] served = mvc.perform(get("/images/products/" + imageId))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", Matchers.allOf(
                        Matchers.containsString("max-age=31536000"), Matchers.containsString("public"))))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(png);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999", "logo", "-5"})
    void unknownPicturesAreNotFound(String imageId) throws Exception {
        mvc.perform(get("/images/products/" + imageId)).andExpect(status().isNotFound());
    }

    private Document productPage(long id) throws Exception {
        return Jsoup.parse(mvc.perform(get("/products/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
