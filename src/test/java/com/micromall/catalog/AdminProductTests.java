package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MicromallTest
class AdminProductTests {

    static final RequestPostProcessor OWNER = user("owner@shop.example").roles("OWNER");

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
    void customersAreRefusedOnTheOwnersProductPages() throws Exception {
        RequestPostProcessor customer = user("shopper@example.com").roles("CUSTOMER");
        mvc.perform(get("/admin/products").with(customer)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/products/new").with(customer)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/products").with(customer).with(csrf()).param("name", "Sneaky " + token)
                .param("price", "1.00").param("stock", "1")).andExpect(status().isForbidden());
        assertThat(countNamed("Sneaky " + token)).isZero();
    }

    @Test
    void theOwnerCreatesAProductAndThePriceIsAuditedUnderTheirEmail() throws Exception {
        mvc.perform(post("/admin/products").with(OWNER).with(csrf())
                        .param("name", "New lamp " + token).param("description", "Warm light")
                        .param("price", "59.9").param("stock", "7").param("commissionPercent", "12.5"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "catalog.admin.saved"));

        var row = jdbc.sql("SELECT id, price, stock, commission_percent, archived FROM product WHERE name = :n")
                .param("n", "New lamp " + token).query().singleRow();
        assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("59.90");
        assertThat(row.get("stock")).isEqualTo(7);
        assertThat((BigDecimal) row.get("commission_percent")).isEqualByComparingTo("12.50");
        assertThat(audit("product #" + row.get("id") + " New lamp " + token))
                .contains("owner@shop.example catalog.product.price null -> 59.90",
                        "owner@shop.example catalog.product.commission null -> 12.50%");
    }

    @Test
    void anInvalidFormIsShownAgainWithTheInputAndAMessageNextToEachBadField() throws Exception {
        String html = mvc.perform(post("/admin/products").with(OWNER).with(csrf())
                        .param("name", " ").param("price", "-3").param("stock", "lots")
                        .param("commissionPercent", "150").param("commissionFixedAmount", "abc"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("productForm", "name", "catalog.form.name.required"))
                .andExpect(model().attributeHasFieldErrorCode("productForm", "price", "catalog.form.price.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("productForm", "stock", "catalog.form.stock.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("productForm", "commissionPercent",
                        "catalog.form.commissionPercent.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("productForm", "commissionFixedAmount",
                        "catalog.form.commissionFixedAmount.invalid"))
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("#price").val()).isEqualTo("-3");
        assertThat(page.select("#stock").val()).isEqualTo("lots");
        assertThat(page.select("#commissionPercent").val()).isEqualTo("150");
        assertThat(page.select("#price").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#price ~ .invalid-feedback").text())
                .isEqualTo("Enter a price of 0 or more with at most 2 decimals, e.g. 12.50.");
        assertThat(page.select("#name ~ .invalid-feedback").text()).isEqualTo("Please enter a name.");
        assertThat(page.select("#commissionHelp").text()).contains("blank").contains("0 for no commission");
    }

    @Test
    void aPriceFinerThanTheCurrencyAndAnOverrideWithBothKindsAreRefused() throws Exception {
        mvc.perform(post("/admin/products").with(OWNER).with(csrf())
                        .param("name", "Precise " + token).param("price", "1.005").param("stock", "1")
                        .param("commissionPercent", "5").param("commissionFixedAmount", "2.00"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("productForm", "price", "catalog.form.price.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("productForm", "commissionFixedAmount",
                        "catalog.form.commission.both"));
        assertThat(countNamed("Precise " + token)).isZero();
    }

    @Test
    void zeroIsAValidOverrideMeaningNoCommission() throws Exception {
        mvc.perform(post("/admin/products").with(OWNER).with(csrf())
                        .param("name", "Free of commission " + token).param("price", "0").param("stock", "0")
                        .param("commissionFixedAmount", "0"))
                .andExpect(status().is3xxRedirection());
        BigDecimal fixed = jdbc.sql("SELECT commission_fixed_amount FROM product WHERE name = :n")
                .param("n", "Free of commission " + token).query(BigDecimal.class).single();
        assertThat(fixed).isEqualByComparingTo("0");
    }

    @Test
    void changingPriceAndCommissionIsAuditedOldToNewButAnUntouchedSaveIsNot() throws Exception {
        long id = fixtures.product("Edited " + token, null, "10.00", 4);
        String subject = "product #" + id + " Edited " + token;

        mvc.perform(post("/admin/products/" + id).with(OWNER).with(csrf())
                        .param("name", "Edited " + token).param("price", "11.00").param("stock", "4")
                        .param("commissionFixedAmount", "1.50"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/products/" + id).with(OWNER).with(csrf())
                        .param("name", "Edited " + token).param("price", "11.00").param("stock", "9")
                        .param("commissionFixedAmount", "1.50"))
                .andExpect(status().is3xxRedirection());

        assertThat(audit(subject)).containsExactlyInAnyOrder(
                "owner@shop.example catalog.product.price 10.00 -> 11.00",
                "owner@shop.example catalog.product.commission null -> 1.50",
                "owner@shop.example catalog.product.stock 4 -> 9");
        assertThat(fixtures.stockOf(id)).isEqualTo(9);
    }

    @Test
    void savingTheFormAppliesOnlyTheOwnersStockChangeSoUnitsSoldMeanwhileStaySold() throws Exception {
        long id = fixtures.product("Busy " + token, null, "10.00", 100);
        Document form = Jsoup.parse(mvc.perform(get("/admin/products/" + id + "/edit").with(OWNER))
                .andReturn().getResponse().getContentAsString());
        String loaded = form.select("input[name=stockAsLoaded]").val();
        assertThat(loaded).isEqualTo("100");
        // A customer buys 3 while the owner edits the price.
        jdbc.sql("UPDATE product SET stock = stock - 3 WHERE id = :id").param("id", id).update();

        mvc.perform(post("/admin/products/" + id).with(OWNER).with(csrf()).param("name", "Busy " + token)
                        .param("price", "12.00").param("stock", "100").param("stockAsLoaded", loaded))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.stockOf(id)).isEqualTo(97);

        // The owner adds 10 to what the form showed (97), while 2 more are sold: 105.
        jdbc.sql("UPDATE product SET stock = stock - 2 WHERE id = :id").param("id", id).update();
        mvc.perform(post("/admin/products/" + id).with(OWNER).with(csrf()).param("name", "Busy " + token)
                        .param("price", "12.00").param("stock", "107").param("stockAsLoaded", "97"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.stockOf(id)).isEqualTo(105);
    }

    @Test
    void aStockChangeThatWouldGoBelowZeroAfterSalesIsShownAgainWithTodaysStock() throws Exception {
        long id = fixtures.product("Sold out " + token, null, "10.00", 5);
        jdbc.sql("UPDATE product SET stock = 1 WHERE id = :id").param("id", id).update();

        Document page = Jsoup.parse(mvc.perform(post("/admin/products/" + id).with(OWNER).with(csrf())
                        .param("name", "Renamed " + token).param("price", "9.00").param("stock", "2")
                        .param("stockAsLoaded", "5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#stock").val()).isEqualTo("1");
        assertThat(page.select("input[name=stockAsLoaded]").val()).isEqualTo("1");
        assertThat(page.select("#name").val()).isEqualTo("Renamed " + token);
        assertThat(page.select(".invalid-feedback").text()).contains("the stock is now 1");
        assertThat(fixtures.stockOf(id)).isEqualTo(1);
    }

    @Test
    void theEditFormShowsTheStoredValues() throws Exception {
        long id = fixtures.product("Shown " + token, null, "10.00", 4);

        Document page = Jsoup.parse(mvc.perform(get("/admin/products/" + id + "/edit").with(OWNER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#name").val()).isEqualTo("Shown " + token);
        assertThat(page.select("#price").val()).isEqualTo("10.00");
        assertThat(page.select("#commissionPercent").val()).isEmpty();
        mvc.perform(get("/admin/products/nope/edit").with(OWNER)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/products/999999999/edit").with(OWNER)).andExpect(status().isNotFound());
    }

    @Test
    void archivingTakesAProductOffSaleWithoutDeletingItAndUnarchivingBringsItBack() throws Exception {
        long id = fixtures.product("Seasonal " + token, null, "10.00", 4);

        mvc.perform(post("/admin/products/" + id + "/archive").with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/products/" + id)).andExpect(status().isNotFound());
        assertThat(countNamed("Seasonal " + token)).isOne();
        assertThat(adminListNames(token, false)).isEmpty();
        assertThat(adminListNames(token, true)).containsExactly("Seasonal " + token);

        mvc.perform(post("/admin/products/" + id + "/unarchive").with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/products/" + id)).andExpect(status().isOk());
    }

    @Test
    void aCategoryGetsASlugFromItsNameAndASecondWithTheSameNameGetsANumber() throws Exception {
        String name = "Herbal Teas & Tisanes " + token;
        mvc.perform(post("/admin/categories").with(OWNER).with(csrf()).param("name", name))
                .andExpect(flash().attribute("flashSuccess", "catalog.admin.category.created"));
        mvc.perform(post("/admin/categories").with(OWNER).with(csrf()).param("name", name));
        mvc.perform(post("/admin/categories").with(OWNER).with(csrf()).param("name", " "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("categoryForm", "name", "catalog.admin.category.invalid"));

        List<String> slugs = jdbc.sql("SELECT slug FROM category WHERE name = :n ORDER BY id").param("n", name)
                .query(String.class).list();
        assertThat(slugs).containsExactly("herbal-teas-tisanes-" + token, "herbal-teas-tisanes-" + token + "-2");
    }

    @Test
    void aRealPictureIsStoredAndShownOnTheProduct() throws Exception {
        long id = fixtures.product("Photographed " + token, null, "10.00", 4);
        byte[] png = CatalogFixtures.png(8, 8);

        mvc.perform(multipart("/admin/products/" + id + "/images")
                        .file(new MockMultipartFile("file", "photo.png", "image/png", png)).with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "catalog.admin.image.added"));

        byte[] stored = jdbc.sql("SELECT data FROM product_image WHERE product_id = :p").param("p", id)
                .query(byte[].class).single();
        assertThat(stored).isEqualTo(png);
    }

    @Test
    void aFileThatIsNotReallyAPictureIsRefusedWhateverItsNameAndClaimedType() throws Exception {
        long id = fixtures.product("Guarded " + token, null, "10.00", 4);
        byte[] text = "<html>definitely not a picture</html>".getBytes(StandardCharsets.UTF_8);

        var upload = mvc.perform(multipart("/admin/products/" + id + "/images")
                        .file(new MockMultipartFile("file", "fake.png", "image/png", text)).with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("imageError", "catalog.admin.image.wrongType"))
                .andReturn().getResponse();

        assertThat(imageCount(id)).isZero();
        // The message travels in the (database) session to the form the owner is sent back to.
        String page = mvc.perform(get("/admin/products/" + id + "/edit").with(OWNER).cookie(upload.getCookies()))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#pictures .alert-danger").text())
                .isEqualTo("That file is not a PNG, JPEG or WebP picture.");
    }

    @Test
    void aPictureOverTwoMegabytesIsRefusedWithAMessage() throws Exception {
        long id = fixtures.product("Heavy " + token, null, "10.00", 4);
        byte[] png = CatalogFixtures.png(2, 2);
        byte[] big = Arrays.copyOf(png, 2 * 1024 * 1024 + 1);

        mvc.perform(multipart("/admin/products/" + id + "/images")
                        .file(new MockMultipartFile("file", "big.png", "image/png", big)).with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("imageError", "catalog.admin.image.tooLarge"));
        assertThat(imageCount(id)).isZero();
    }

    /** The filter's redirect target; the real oversized request is sent by CatalogBrowserTests. */
    @Test
    void theFormExplainsAPictureTurnedBackForItsSize() throws Exception {
        long id = fixtures.product("Huge " + token, null, "10.00", 4);

        String page = mvc.perform(get("/admin/products/" + id + "/edit").param("upload", "tooLarge").with(OWNER))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#pictures .alert-danger").text())
                .isEqualTo("That picture is larger than 2 MB. Please make it smaller and try again.");
    }

    @Test
    void jpegAndWebpAreRecognisedByTheirFirstBytes() throws Exception {
        long id = fixtures.product("Formats " + token, null, "10.00", 4);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

        for (byte[] picture : List.of(jpeg, webp)) {
            mvc.perform(multipart("/admin/products/" + id + "/images")
                            .file(new MockMultipartFile("file", "x.bin", "application/octet-stream", picture))
                            .with(OWNER).with(csrf()))
                    .andExpect(flash().attribute("flashSuccess", "catalog.admin.image.added"));
        }
        assertThat(jdbc.sql("SELECT content_type FROM product_image WHERE product_id = :p ORDER BY id")
                .param("p", id).query(String.class).list()).containsExactly("image/jpeg", "image/webp");
    }

    @Test
    void theOwnerDeletesAPictureOfTheirProductOnly() throws Exception {
        long id = fixtures.product("Two pictures " + token, null, "10.00", 4);
        long other = fixtures.product("Other " + token, null, "10.00", 4);
        long imageId = fixtures.image(id, CatalogFixtures.png(2, 2));

        mvc.perform(post("/admin/products/" + other + "/images/" + imageId + "/delete").with(OWNER).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/products/" + id + "/images/" + imageId + "/delete").with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(imageCount(id)).isZero();
    }

    private List<String> adminListNames(String query, boolean withArchived) throws Exception {
        var request = get("/admin/products").param("q", query).with(OWNER);
        if (withArchived) {
            request.param("archived", "true");
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).select("tbody td:first-child a").eachText();
    }

    private List<String> audit(String subject) {
        return jdbc.sql("SELECT actor, action, old_value, new_value FROM audit_log WHERE subject = :s ORDER BY id")
                .param("s", subject)
                .query((rs, i) -> rs.getString("actor") + " " + rs.getString("action") + " "
                        + rs.getString("old_value") + " -> " + rs.getString("new_value"))
                .list();
    }

    private int countNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM product WHERE name = :n").param("n", name).query(Integer.class).single();
    }

    private int imageCount(long productId) {
        return jdbc.sql("SELECT count(*) FROM product_image WHERE product_id = :p").param("p", productId)
                .query(Integer.class).single();
    }
}
