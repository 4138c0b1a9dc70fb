package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.catalog.internal.CategoryView;
import com.micromall.catalog.internal.ProductAdministration;
import com.micromall.catalog.internal.ProductDraft;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalog in a real browser: shop pages and the owner's product form, at desktop and phone width. */
@BrowserTest
class CatalogBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ProductAdministration administration;

    Browser browser;
    WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aVisitorBrowsesTheCatalogAndTheOwnerEditsAProduct() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        CategoryView category = administration.createCategory("Tea & gifts " + suffix);
        String[][] items = {
                {"Jasmine green tea", "38.00", "40"}, {"Oolong tea leaves", "88.00", "3"},
                {"Glass tea pot", "129.00", "0"}, {"Tea lover's gift box", "238.00", "12"},
                {"Bamboo tea tray", "159.00", "6"}, {"Ceramic tea cups, set of four", "96.00", "25"},
                {"White peony tea", "72.00", "18"}, {"Honey sticks", "24.50", "60"}, {"Tea towel", "19.90", "2"}};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            long id = administration.create(new ProductDraft(items[i][0],
                    "A favourite of our regulars.\nShips in two days.", category.id(), new BigDecimal(items[i][1]),
                    Integer.parseInt(items[i][2]), null, null), "owner@demo.micromall");
            administration.addImage(id, picture(i));
            ids.add(id);
        }
        long lowStock = ids.get(1);
        administration.addImage(lowStock, picture(20));

        driver.get(url("/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to Micromall");
        assertThat(driver.findElements(By.cssSelector("a.mm-product-card"))).hasSize(8);
        browser.shootBothWidths("catalog-home");

        driver.get(url("/products?category=" + category.slug()));
        assertThat(driver.findElements(By.cssSelector("a.mm-product-card"))).hasSize(9);
        browser.shootBothWidths("catalog-products");

        driver.get(url("/products/" + lowStock));
        assertThat(driver.findElement(By.cssSelector("main .badge")).getText()).isEqualTo("Only 3 left");
        browser.shootBothWidths("catalog-product");

        driver.get(url("/products/not-a-number"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");

        browser.logIn(url(""), "owner@demo.micromall", "micromall-demo");

        driver.get(url("/admin/products/" + lowStock + "/edit"));
        browser.shootBothWidths("catalog-admin-product-form");

        driver.findElement(By.id("price")).clear();
        driver.findElement(By.id("price")).sendKeys("12.345");
        browser.click(By.cssSelector("form[novalidate] button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector("#price ~ .invalid-feedback")).getText())
                .isEqualTo("Enter a price of 0 or more with at most 2 decimals, e.g. 12.50.");
        assertThat(driver.findElement(By.id("price")).getAttribute("value")).isEqualTo("12.345");
        browser.shootBothWidths("catalog-admin-product-form-errors");

        // Over the server's multipart limit: refused before the controller, still a message on the form.
        Path big = Files.createTempFile("too-big", ".png");
        Files.write(big, Arrays.copyOf(picture(1), 3 * 1024 * 1024));
        driver.get(url("/admin/products/" + lowStock + "/edit"));
        driver.findElement(By.id("file")).sendKeys(big.toAbsolutePath().toString());
        browser.click(By.cssSelector("#pictures form[enctype] button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector("#pictures .alert-danger")).getText())
                .isEqualTo("That picture is larger than 2 MB. Please make it smaller and try again.");
        Files.deleteIfExists(big);

        driver.get(url("/admin/products?q=tea"));
        browser.shootBothWidths("catalog-admin-products");
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static byte[] picture(int seed) throws Exception {
        Color[][] palettes = {{new Color(0xE4F2C9), new Color(0x9CC46B)}, {new Color(0xFFD6C9), new Color(0xF7A38B)},
                {new Color(0xCFE3F7), new Color(0x7FA8D6)}, {new Color(0xF3D9F2), new Color(0xC48BD6)}};
        Color[] palette = palettes[seed % palettes.length];
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, palette[0], 400, 400, palette[1]));
        g.fillRect(0, 0, 400, 400);
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new Ellipse2D.Double(110 + seed % 3 * 10, 110, 180, 180));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
