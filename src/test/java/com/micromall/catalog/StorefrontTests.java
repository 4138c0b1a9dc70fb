package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.support.MicromallTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@MicromallTest
class StorefrontTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CatalogFixtures fixtures;
    String token;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(jdbc);
        token = CatalogFixtures.token();
    }

    @Test
    void searchMatchesPartOfTheNameIgnoringCaseAndLeavesArchivedProductsOut() throws Exception {
        fixtures.product("Blue " + token + " mug", null, "10.00", 5);
        fixtures.product("BIG " + token.toUpperCase() + " CUP", null, "12.00", 5);
        fixtures.product("Archived " + token + " plate", null, "9.00", 5, true, Instant.now());
        fixtures.product("Unrelated plate", null, "9.00", 5);

        List<String> names = productNames(page(get("/products").param("q", token.toUpperCase())));

        assertThat(names).containsExactlyInAnyOrder("Blue " + token + " mug", "BIG " + token.toUpperCase() + " CUP");
    }

    @Test
    void theCategoryFilterShowsOnlyThatCategorysProducts() throws Exception {
        CatalogFixtures.CategoryRow teas = fixtures.category("Teas " + token);
        fixtures.product("Green tea " + token, teas.id(), "20.00", 5);
        fixtures.product("Tea cup " + token, null, "20.00", 5);

        Document page = page(get("/products").param("category", teas.slug()));

        assertThat(productNames(page)).containsExactly("Green tea " + token);
        assertThat(page.select("h1").text()).isEqualTo("Teas " + token);
    }

    @Test
    void listsShowTwelveProductsPerPageAndTheNextPageHasTheRest() throws Exception {
        CatalogFixtures.CategoryRow category = fixtures.category("Many " + token);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        for (int i = 1; i <= 13; i++) {
            fixtures.product("Item " + i + " " + token, category.id(), "1.00", 5, false, start.plusSeconds(i));
        }

        Document first = page(get("/products").param("category", category.slug()));
        Document second = page(get("/products").param("category", category.slug()).param("page", "2"));

        assertThat(productNames(first)).hasSize(12).first().isEqualTo("Item 13 " + token);
        assertThat(productNames(second)).containsExactly("Item 1 " + token);
        assertThat(first.select(".pagination a[aria-current=page]").text()).isEqualTo("1");
        assertThat(first.select(".pagination a").eachAttr("href"))
                .contains("/products?category=" + category.slug() + "&page=2");
    }

    @Test
    void sortingByPriceGoesBothWaysAndNewestIsTheDefault() throws Exception {
        Instant now = Instant.now();
        fixtures.product("Middle " + token, null, "20.00", 5, false, now.minusSeconds(30));
        fixtures.product("Cheap " + token, null, "5.00", 5, false, now.minusSeconds(20));
        fixtures.product("Dear " + token, null, "99.50", 5, false, now.minusSeconds(10));

        assertThat(productNames(page(get("/products").param("q", token).param("sort", "price_asc"))))
                .containsExactly("Cheap " + token, "Middle " + token, "Dear " + token);
        assertThat(productNames(page(get("/products").param("q", token).param("sort", "price_desc"))))
                .containsExactly("Dear " + token, "Middle " + token, "Cheap " + token);
        assertThat(productNames(page(get("/products").param("q", token))))
                .containsExactly("Dear " + token, "Cheap " + token, "Middle " + token);
    }

    @Test
    void aSearchWithoutResultsShowsAFriendlyEmptyState() throws Exception {
        Document page = page(get("/products").param("q", token));

        assertThat(productNames(page)).isEmpty();
        assertThat(page.select(".mm-empty h2").text()).isEqualTo("Nothing found");
        assertThat(page.select(".mm-empty a").attr("href")).isEqualTo("/products");
    }

    @Test
    void strangeParametersNeverBreakTheList() throws Exception {
        fixtures.product("Robust " + token, null, "3.00", 5);

        assertThat(productNames(page(get("/products").param("q", token).param("page", "abc").param("sort", "bogus"))))
                .containsExactly("Robust " + token);
        assertThat(productNames(page(get("/products").param("category", "no-such-" + token).param("q", token))))
                .isEmpty();
        assertThat(productNames(page(get("/products").param("q", "100%_" + token)))).isEmpty();
    }

    @Test
    void theHomePageKeepsTheWelcomeAndShowsCategoriesAndTheNewestProductsWithPictures() throws Exception {
        CatalogFixtures.CategoryRow category = fixtures.category("Home shelf " + token);
        long id = fixtures.product("Fresh arrival " + token, category.id(), "42.00", 7, false,
                Instant.now().plus(1, ChronoUnit.DAYS));
        long imageId = fixtures.image(id, CatalogFixtures.png(4, 4));

        Document home = page(get("/"));

        assertThat(home.select("h1").text()).isEqualTo("Welcome to Micromall");
        assertThat(home.select(".mm-chips a").eachText()).contains("Home shelf " + token);
        Element card = home.select("a.mm-product-card").first();
        assertThat(card.attr("href")).isEqualTo("/products/" + id);
        assertThat(card.select("img").attr("src")).isEqualTo("/images/products/" + imageId);
        assertThat(card.text()).contains("Fresh arrival " + token).contains("42.00");
        assertThat(home.select("a.mm-product-card")).hasSizeLessThanOrEqualTo(8);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private static List<String> productNames(Document page) {
        return page.select("a.mm-product-card .mm-product-name").eachText();
    }
}
