package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Shop settings and the category list are cached as the shop runs (the rest of the suite switches caches off, since
 * its fixtures write behind the app's back): a page view reads neither again, and the owner's edit shows at once.
 */
@MicromallTest
@TestPropertySource(properties = "spring.cache.type=caffeine")
class SharedDataCacheTests {

    static final String OWNER = "owner@shop.example";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired QueryCounter queries;
    @Autowired ObjectProvider<CacheManager> caches;
    @Autowired ShopSettingsService settings;

    CatalogFixtures catalog;
    ShopSettings before;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(jdbc);
        caches.ifAvailable(manager -> manager.getCacheNames().forEach(name -> manager.getCache(name).clear()));
        before = settings.current();
    }

    @AfterEach
    void putTheSettingsBack() {
        settings.update(new ShopSettingsChange(before.shopName(), before.currency(), before.contactEmail(),
                before.contactPhone(), before.shippingFee().amount(), before.chosenTimeZone()), OWNER);
    }

    @Test
    void theCategoryListIsReadOnceAndTheOwnersNewCategoryAndTranslationShowAtOnce() throws Exception {
        CatalogFixtures.CategoryRow tea = catalog.category("Tea " + CatalogFixtures.token());
        catalog.product("Cached Tea " + CatalogFixtures.token(), tea.id(), "4.00", 10);
        String list = "/products?category=" + tea.slug();
        html(list);

        List<String> again = queries.record(() -> html(list));
        assertThat(again).as("statements of the second view").noneMatch(sql -> reads(sql, "category"));

        String name = "Herbs " + CatalogFixtures.token();
        mvc.perform(post("/admin/categories").with(user(OWNER).roles("OWNER")).with(csrf()).param("name", name))
                .andExpect(status().is3xxRedirection());
        assertThat(categoryNames(html(list))).as("the owner's new category").contains(name);

        mvc.perform(post("/admin/categories/" + tea.id()).with(user(OWNER).roles("OWNER")).with(csrf())
                        .param("translatedNames[0]", "茶叶").param("translatedNames[1]", "茶葉")
                        .param("translatedNames[2]", "Tsaa"))
                .andExpect(status().is3xxRedirection());
        String chinese = mvc.perform(get(list).cookie(new Cookie("micromall_lang", "zh-CN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(categoryNames(chinese)).as("the owner's translation").contains("茶叶");
    }

    @Test
    void theShopSettingsAreReadOnceAndTheOwnersNewNameShowsAtOnce() throws Exception {
        html("/");

        List<String> again = queries.record(() -> html("/"));
        assertThat(again).as("statements of the second view").noneMatch(sql -> reads(sql, "shop_settings"));

        String name = "Renamed Shop " + CatalogFixtures.token().substring(0, 6);
        mvc.perform(post("/admin/settings").with(csrf()).with(user(OWNER).roles("OWNER"))
                        .param("shopName", name).param("currency", before.currency().getCurrencyCode())
                        .param("contactEmail", "").param("contactPhone", "")
                        .param("shippingFee", before.shippingFee().amount().toPlainString()))
                .andExpect(status().is3xxRedirection());

        assertThat(Jsoup.parse(html("/")).title()).as("the page title after the owner's change").endsWith(name);
    }

    /** A query of this table itself, not one that joins it. */
    private static boolean reads(String sql, String table) {
        return sql.toLowerCase(Locale.ROOT).matches("(?s).*\\bfrom " + table + "\\b.*");
    }

    private static List<String> categoryNames(String page) {
        return Jsoup.parse(page).select("a[href^=/products?category=]").eachText();
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
