package com.micromall.distribution.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.policy.DistributorTiers.TierDraft;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The owner edits the tiers in a real browser (a mistake comes back next to its field) and a sharer in Silver reads
 * their tier box, in the four languages at phone and desktop width; screenshots in target/screenshots/tiers-*.
 */
@BrowserTest
class TiersBrowserTests {

    static final int PHONE = 360;
    static final Map<String, String> HEADINGS = Map.of("en", "Your tier", "zh_CN", "您的等级", "zh_TW", "您的等級",
            "fil", "Ang iyong tier");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributorTiers tiers;

    @AfterEach
    void clear() {
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(), "test");
    }

    @Test
    void theOwnerSetsTiersAndASharerInSilverSeesHowFarGoldIs() throws IOException {
        LedgerFixtures fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        try (Browser owner = new Browser()) {
            WebDriver driver = owner.driver();
            owner.logIn(url(""), LedgerFixtures.OWNER, "micromall-demo");
            driver.get(url("/admin/distribution/tiers?lang=en"));
            fill(driver, 0, "Bronze", "0", "10");
            fill(driver, 1, "Silver", "1", "12");
            fill(driver, 2, "Gold", "1", "15");
            owner.click(By.cssSelector("#tiers-form button[type=submit]"));
            assertThat(driver.findElement(By.cssSelector("#tier-row-2 .invalid-feedback")).getText())
                    .isEqualTo("Each tier must start above the tier before it.");
            owner.screenshot("tiers-admin-error-en", PHONE);
            WebElement gold = driver.findElement(By.name("tiers[2].threshold"));
            gold.clear();
            gold.sendKeys("4");
            owner.click(By.cssSelector("#tiers-form button[type=submit]"));
            assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                    .contains("Tiers saved.");
            for (String lang : HEADINGS.keySet()) {
                driver.get(url("/admin/distribution/tiers?lang=" + lang));
                assertThat(driver.findElement(By.name("tiers[2].name")).getAttribute("value")).isEqualTo("Gold");
                owner.screenshot("tiers-admin-" + lang, PHONE);
                owner.screenshot("tiers-admin-" + lang, Browser.DESKTOP_WIDTH);
            }
            driver.get(url("/admin/settings/distribution?lang=en&basket=100"));
            assertThat(driver.findElement(By.id("sim-tiers")).getText()).contains("Gold (15 %)");
            shootElement(driver, By.id("simulator"), "tiers-simulator-en", Browser.DESKTOP_WIDTH);
        }
        assertThat(tiers.scheme().tiers()).extracting(DistributorTiers.Tier::name)
                .containsExactly("Bronze", "Silver", "Gold");

        TestCustomer anna = fixtures.distributor(OrderFixtures.unique("Anna Tier"));
        TestCustomer friend = fixtures.referredBy(anna, OrderFixtures.unique("Tier Friend"));
        fixtures.complete(fixtures.place(friend, fixtures.orders.product(OrderFixtures.unique("Tier Tea"), "30.00", 5), 1));
        try (Browser sharer = new Browser()) {
            WebDriver driver = sharer.driver();
            sharer.logIn(url(""), anna.email(), anna.password());
            driver.get(url("/distribution?lang=en"));
            assertThat(driver.findElement(By.id("tier-current")).getText()).isEqualTo("Silver Your friends' orders earn you 12 %.");
            assertThat(driver.findElement(By.id("tier-next")).getText())
                    .isEqualTo("3 more first orders to Gold, 15 % instead of 12 %");
            for (String lang : HEADINGS.keySet()) {
                driver.get(url("/distribution?lang=" + lang));
                assertThat(driver.findElement(By.id("tier-heading")).getText()).isEqualTo(HEADINGS.get(lang));
                shootElement(driver, By.id("tier"), "tiers-dashboard-box-" + lang, PHONE);
                shootElement(driver, By.id("tier"), "tiers-dashboard-box-" + lang, Browser.DESKTOP_WIDTH);
            }
            sharer.screenshot("tiers-dashboard-en", PHONE);
        }
    }

    private static void fill(WebDriver driver, int row, String name, String threshold, String percent) {
        for (Map.Entry<String, String> field : Map.of("name", name, "threshold", threshold, "level1Percent", percent)
                .entrySet()) {
            WebElement input = driver.findElement(By.name("tiers[" + row + "]." + field.getKey()));
            input.clear();
            input.sendKeys(field.getValue());
        }
    }

    /**
     * A PNG of the window with one element in the middle, at the given width. The window, not the element: Chromium's
     * element capture times out on this page now and then, while a window capture does not.
     */
    private static void shootElement(WebDriver driver, By element, String name, int width) throws IOException {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1200));
        // Laid out again at the new width before the element is measured.
        driver.navigate().refresh();
        WebElement box = driver.findElement(element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + "-" + width + ".png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
