package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The owner names products and categories in the shop's other languages; shoppers see the name in their language
 * (the main name where there is none), and a search in any language finds a product by any of its names.
 */
@MicromallTest
class ProductTranslationTests {

    static final RequestPostProcessor OWNER = user("owner@shop.example").roles("OWNER");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    CatalogFixtures catalog;
    String token;
    CatalogFixtures.CategoryRow shelf;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(jdbc);
        token = CatalogFixtures.token();
        shelf = catalog.category("Drinks " + token);
    }

    @Test
    void aNameTheOwnerGaveInSimplifiedChineseIsShownInSimplifiedChineseAndTheMainNameElsewhere() throws Exception {
        long id = ownerCreates("Oolong tea " + token, "乌龙茶 " + token, "轻焙乌龙茶叶");

        assertThat(productNames(list("zh_CN"))).containsExactly("乌龙茶 " + token);
        assertThat(productNames(list("en"))).containsExactly("Oolong tea " + token);
        assertThat(productNames(list("zh_TW"))).as("no Traditional Chinese name: the main one")
                .containsExactly("Oolong tea " + token);
        assertThat(productNames(list("fil"))).containsExactly("Oolong tea " + token);

        Document zh = page(get("/products/" + id).param("lang", "zh_CN"));
        assertThat(zh.select("h1").text()).isEqualTo("乌龙茶 " + token);
        assertThat(zh.text()).contains("轻焙乌龙茶叶").doesNotContain("Lightly roasted");
        Document en = page(get("/products/" + id).param("lang", "en"));
        assertThat(en.select("h1").text()).isEqualTo("Oolong tea " + token);
        assertThat(en.text()).contains("Lightly roasted").doesNotContain("轻焙乌龙茶叶");
    }

    @Test
    void aSearchInAnyLanguageFindsAProductByItsTranslatedName() throws Exception {
        ownerCreates("Oolong tea " + token, "乌龙茶 " + token, null);
        catalog.product("Honey " + token, shelf.id(), "5.00", 3);

        for (String language : List.of("zh_CN", "zh_TW", "en", "fil")) {
            Document found = page(get("/products").param("category", shelf.slug()).param("q", "茶")
                    .param("lang", language));
            assertThat(found.select(".mm-product-name").eachText()).as("search for 茶 read in " + language)
                    .containsExactly(language.equals("zh_CN") ? "乌龙茶 " + token : "Oolong tea " + token);
        }
        assertThat(productNames(page(get("/products").param("q", "乌龙茶 " + token).param("lang", "en"))))
                .containsExactly("Oolong tea " + token);
        assertThat(productNames(page(get("/products").param("q", "OOLONG TEA " + token).param("lang", "zh_CN"))))
                .as("the main name is still found, whatever the reader's language").containsExactly("乌龙茶 " + token);
    }

    @Test
    void theOwnersEditChangesAndRemovesTranslationsAndTheFormShowsThem() throws Exception {
        long id = ownerCreates("Oolong tea " + token, "乌龙茶 " + token, null);

        Document form = page(get("/admin/products/" + id + "/edit").with(OWNER));
        assertThat(form.select("#translations0\\.name").val()).isEqualTo("乌龙茶 " + token);

        mvc.perform(post("/admin/products/" + id).with(OWNER).with(csrf())
                        .param("name", "Oolong tea " + token).param("price", "88.00").param("stock", "4")
                        .param("categoryId", Long.toString(shelf.id()))
                        .param("translations[0].name", "").param("translations[1].name", "烏龍茶 " + token))
                .andExpect(status().is3xxRedirection());

        assertThat(productNames(list("zh_CN"))).as("removed: the main name").containsExactly("Oolong tea " + token);
        assertThat(productNames(list("zh_TW"))).containsExactly("烏龍茶 " + token);
    }

    @Test
    void aTooLongTranslatedNameShowsTheFormAgainWithTheInputAndSavesNothing() throws Exception {
        String tooLong = "茶".repeat(121);
        String html = mvc.perform(post("/admin/products").with(OWNER).with(csrf())
                        .param("name", "Long tea " + token).param("price", "5.00").param("stock", "1")
                        .param("translations[0].name", "乌龙茶 " + token)
                        .param("translations[2].name", tooLong)
                        .param("translations[2].description", "Tsaa"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("productForm", "translations[2].name",
                        "catalog.form.name.tooLong"))
                .andReturn().getResponse().getContentAsString();

        Document form = Jsoup.parse(html);
        assertThat(form.select("details.mm-translations").hasAttr("open")).as("the languages are opened").isTrue();
        assertThat(form.select("#translations2\\.name").val()).isEqualTo(tooLong);
        assertThat(form.select("#translations2\\.name").hasClass("is-invalid")).isTrue();
        assertThat(form.select("#translations2\\.name ~ .invalid-feedback").text())
                .isEqualTo("The name can have at most 120 characters.");
        assertThat(form.select("#translations2\\.description").val()).isEqualTo("Tsaa");
        assertThat(form.select("#translations0\\.name").val()).isEqualTo("乌龙茶 " + token);
        assertThat(form.select("#name").val()).isEqualTo("Long tea " + token);
        assertThat(jdbc.sql("SELECT count(*) FROM product WHERE name = :n").param("n", "Long tea " + token)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void categoriesAreNamedInTheReadersLanguage() throws Exception {
        mvc.perform(post("/admin/categories").with(OWNER).with(csrf()).param("name", "Tea " + token)
                        .param("translatedNames[0]", "茶叶 " + token).param("translatedNames[2]", "Tsaa " + token))
                .andExpect(status().is3xxRedirection());

        assertThat(page(get("/products").param("lang", "zh_CN")).select(".mm-chips a").eachText())
                .contains("茶叶 " + token).doesNotContain("Tea " + token);
        assertThat(page(get("/products").param("lang", "fil")).select(".mm-chips a").eachText())
                .contains("Tsaa " + token);
        assertThat(page(get("/products").param("lang", "zh_TW")).select(".mm-chips a").eachText())
                .as("no Traditional Chinese name: the main one").contains("Tea " + token);
        assertThat(page(get("/").param("lang", "zh_CN")).text()).contains("茶叶 " + token);
    }

    @Test
    void aTooLongCategoryNameInAnotherLanguageIsRefusedWithTheInputKept() throws Exception {
        Document list = page(post("/admin/categories").with(OWNER).with(csrf()).param("name", "Tea " + token)
                .param("translatedNames[1]", "茶".repeat(61)));
        assertThat(list.select("#name").val()).isEqualTo("Tea " + token);
        assertThat(list.select("#translatedNames1").val()).isEqualTo("茶".repeat(61));
        assertThat(list.select("#translatedNames1").hasClass("is-invalid")).isTrue();
        assertThat(list.select("#translatedNames1 ~ .invalid-feedback").text())
                .isEqualTo("The name can have at most 60 characters.");
        assertThat(jdbc.sql("SELECT count(*) FROM category WHERE name = :n").param("n", "Tea " + token)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theOwnerNamesAnExistingCategoryInOtherLanguages() throws Exception {
        mvc.perform(post("/admin/categories/" + shelf.id()).with(OWNER).with(csrf())
                        .param("translatedNames[0]", "饮品 " + token))
                .andExpect(status().is3xxRedirection());

        assertThat(page(get("/admin/categories/" + shelf.id() + "/edit").with(OWNER)).select("#translatedNames0").val())
                .isEqualTo("饮品 " + token);
        assertThat(page(get("/products").param("category", shelf.slug()).param("lang", "zh_CN")).select("h1").text())
                .isEqualTo("饮品 " + token);
    }

    @Test
    void theCartNamesTheProductInTheReadersLanguage() throws Exception {
        long id = ownerCreates("Oolong tea " + token, "乌龙茶 " + token, null);
        TestCustomer customer = new OrderFixtures(jdbc, encoder).customer("Tea buyer");
        mvc.perform(post("/cart/add").param("productId", Long.toString(id)).param("quantity", "1")
                .with(user(customer.principal())).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(page(get("/cart").param("lang", "zh_CN").with(user(customer.principal()))).text())
                .contains("乌龙茶 " + token);
        assertThat(page(get("/cart").param("lang", "en").with(user(customer.principal()))).text())
                .contains("Oolong tea " + token).doesNotContain("乌龙茶");
    }

    private long ownerCreates(String name, String simplifiedChineseName, String simplifiedChineseDescription)
            throws Exception {
        MockHttpServletRequestBuilder create = post("/admin/products").with(OWNER).with(csrf())
                .param("name", name).param("description", "Lightly roasted oolong leaves.")
                .param("categoryId", Long.toString(shelf.id())).param("price", "88.00").param("stock", "4")
                .param("translations[0].name", simplifiedChineseName);
        if (simplifiedChineseDescription != null) {
            create.param("translations[0].description", simplifiedChineseDescription);
        }
        String location = mvc.perform(create).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    private Document list(String language) throws Exception {
        return page(get("/products").param("category", shelf.slug()).param("lang", language));
    }

    private static List<String> productNames(Document page) {
        return page.select(".mm-product-name").eachText();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
