package com.micromall.distribution.dashboard;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.ledger.UnfreezeJob;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A distributor with invitees and ledger entries of every kind opens the dashboard on a phone and a
 * desktop, copies the link, joins the honour roll, and finds the share box on a product page.
 * (In this package to reuse LedgerFixtures for real orders.)
 */
@BrowserTest
class DashboardBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionSettingsService settings;
    @Autowired UnfreezeJob unfreezeJob;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(DistributionSettings.EnrolmentRule.EVERYONE, new BigDecimal("10"),
                BigDecimal.ZERO, s.attributionDays(), 7, s.welcomeKind(), s.welcomeValue(), s.welcomeCap(),
                s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(), null,
                "Hi! I love this little shop, have a look: {link}\n送你一份见面礼，首单立减：{link}"), "test");
    }

    @AfterEach
    void restore() {
        settings.update(original, "test");
    }

    @Test
    void aDistributorReadsTheDashboardCopiesTheLinkJoinsTheHonourRollAndSharesAProduct() {
        TestCustomer anna = fixtures.distributor("Anna Li");
        long tea = fixtures.orders.product("Oolong tea", "48.00", 50);
        long pot = fixtures.orders.product("Clay teapot", "120.00", 50);
        String code = jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", anna.id())
                .query(String.class).single();
        for (int i = 0; i < 9; i++) {
            jdbc.sql("INSERT INTO referral_click (code, clicked_at, landing_path, visitor_hash) VALUES (:c, :at, '/', 'h')")
                    .param("c", code).param("at", Timestamp.from(Instant.now())).update();
        }
        fixtures.totals(anna.id());
        TestCustomer ben = fixtures.referredBy(anna, "Benjamin Wong");
        TestCustomer chen = fixtures.referredBy(anna, "陈小红");
        TestCustomer dina = fixtures.referredBy(anna, "Dina Reyes");
        fixtures.referredBy(anna, "Li");
        String frozen = fixtures.place(ben, tea, 2);
        fixtures.complete(frozen);
        String clawedBack = fixtures.place(chen, pot, 1);
        fixtures.complete(clawedBack);
        // the return window is over for this order: the job makes its commission withdrawable
        jdbc.sql("UPDATE commission_entry SET unfreezes_at = :past WHERE order_number = :n")
                .param("past", Timestamp.from(Instant.now().minus(Duration.ofDays(1)))).param("n", clawedBack).update();
        unfreezeJob.unfreezeDueCommissions();
        fixtures.refund(clawedBack, fixtures.lineIds(clawedBack).get(0), 1);
        fixtures.device(anna, "same-device-" + code);
        fixtures.device(dina, "same-device-" + code);
        String held = fixtures.place(dina, tea, 1);
        fixtures.complete(held);
        fixtures.place(ben, pot, 1);

        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            browser.logIn(url(""), anna.email(), anna.password());
            driver.get(url("/distribution"));

            assertThat(driver.findElement(By.id("share-link")).getAttribute("value")).isEqualTo(url("/r/" + code));
            assertThat(driver.findElement(By.id("figure-clicks")).getText()).isEqualTo("9");
            assertThat(driver.findElement(By.id("figure-signups")).getText()).isEqualTo("4");
            assertThat(driver.findElement(By.id("figure-first-orders")).getText()).isEqualTo("3");
            assertThat(driver.findElements(By.cssSelector("#invitee-list .mm-invitee-name")).stream()
                    .map(e -> e.getText()).toList()).containsExactlyInAnyOrder("B***g", "陈***红", "D***s", "L***");
            String ledger = driver.findElement(By.id("ledger-list")).getText();
            assertThat(ledger).contains("Clawback after a refund").contains("Same device as the buyer")
                    .contains(frozen).contains(held).contains("withdrawable from")
                    .contains("Refunded after the return window: 1 of 1 unit");
            assertThat(driver.getPageSource()).doesNotContain("Benjamin").doesNotContain(ben.email());
            assertThat(driver.findElement(By.cssSelector("#qr-download")).getAttribute("href")).endsWith("/distribution/qr.png?download=1");
            Boolean qrLoaded = (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "const i = document.getElementById('share-qr'); return i.complete && i.naturalWidth > 0;");
            assertThat(qrLoaded).isTrue();

            browser.click(By.cssSelector("button[data-copy-target=share-link]"));
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d -> !d.findElement(By.id("share-link-status")).getText().isEmpty());
            assertThat(driver.findElement(By.id("share-link-status")).getText())
                    .isIn("Copied!", "Selected: press Copy on your keyboard or menu.");
            browser.click(By.cssSelector("button[data-copy-target=share-text-2]"));

            driver.findElement(By.id("displayName")).sendKeys("Tea Queen");
            browser.click(By.cssSelector("#honour-form button[value=join]"));
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
            assertThat(driver.findElement(By.id("honour-board")).getText()).contains("Tea Queen");
            browser.shootBothWidths("distribution-dashboard");

            driver.get(url("/distribution?lang=zh_CN"));
            assertThat(driver.findElement(By.id("share-heading")).getText()).isEqualTo("我的分享链接");
            browser.shootBothWidths("distribution-dashboard-zh_CN");
            driver.get(url("/distribution?lang=en"));

            driver.get(url("/products/" + tea));
            assertThat(driver.findElement(By.id("product-share-link")).getAttribute("value"))
                    .isEqualTo(url("/r/" + code + "?next=/products/" + tea));
            browser.click(By.cssSelector("#share-box button.mm-copy"));
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d -> !d.findElement(By.id("product-share-link-status")).getText().isEmpty());
            browser.shootBothWidths("distribution-product-share-box");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
