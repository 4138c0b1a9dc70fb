package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The share moment in a real browser: right after buying, one tap copies the buyer's link from the confirmation
 * (headless Chromium may refuse the clipboard: the page then selects the link and says so); the share sheet button
 * shows only where the browser has one. The owner reads the order mail in the mail log (no mail server runs here).
 */
@BrowserTest
class ShareMomentBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The narrowest phones the shop is checked at. */
    private static final int NARROW_PHONE = 360;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void oneTapCopiesTheBuyersLinkOnTheConfirmationAndTheOwnerReadsTheOrderMailInTheLog() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        TestCustomer buyer = orders.customer("Sharing Sara");
        long product = orders.product(OrderFixtures.unique("Moment") + " teapot", "88.00", 5);
        carts.add(CartService.CartKey.customer(buyer.id()), product, 1);
        String number = checkout.place(new CheckoutService.PlaceOrder(buyer.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("Sara", "555", "8 Harbour Road", null, "Manila", "1000", "PH"),
                PaymentMethod.BANK_TRANSFER));

        try (Browser browser = new Browser(); Browser owner = new Browser()) {
            WebDriver page = browser.driver();
            browser.logIn(url(""), buyer.email(), buyer.password());
            page.get(url("/orders/" + number + "/confirmation"));
            String link = page.findElement(By.id("share-card-link")).getAttribute("value");
            assertThat(link).matches(url("/r/") + "[A-Z0-9]+");

            browser.click(By.id("share-card-copy"));
            new WebDriverWait(page, Duration.ofSeconds(5))
                    .until(d -> !d.findElement(By.id("share-card-link-status")).getText().isEmpty());
            assertThat(page.findElement(By.id("share-card-link-status")).getText())
                    .isIn("Copied!", "Selected: press Copy on your keyboard or menu.");
            boolean shareSheet = (Boolean) ((JavascriptExecutor) page)
                    .executeScript("return typeof navigator.share === 'function'");
            assertThat(page.findElement(By.id("share-card-native")).isDisplayed()).isEqualTo(shareSheet);
            assertThat(page.findElement(By.id("share-card-qr")).getAttribute("naturalWidth")).isNotEqualTo("0");
            browser.screenshot("share-confirmation", NARROW_PHONE);
            browser.screenshot("share-confirmation", Browser.DESKTOP_WIDTH);

            page.get(url("/orders/" + number));
            assertThat(page.findElement(By.id("share-card-link")).getAttribute("value")).isEqualTo(link);
            browser.screenshot("share-order", NARROW_PHONE);
            browser.screenshot("share-order", Browser.DESKTOP_WIDTH);
            for (String language : new String[] {"zh_CN", "zh_TW", "fil"}) {
                page.get(url("/orders/" + number + "/confirmation?lang=" + language));
                assertThat(page.findElement(By.id("share-card-copy")).getText()).isNotEqualTo("Copy");
                browser.screenshot("share-confirmation-" + language, NARROW_PHONE);
            }

            await().atMost(WAIT).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM sent_mail WHERE recipient = :r AND kind = 'order-placed'")
                    .param("r", buyer.email()).query(Long.class).single() > 0);
            long placedMail = jdbc.sql("SELECT id FROM sent_mail WHERE recipient = :r AND kind = 'order-placed'")
                    .param("r", buyer.email()).query(Long.class).single();
            WebDriver log = owner.driver();
            owner.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            log.get(url("/admin/mails"));
            owner.screenshot("share-mail-log", NARROW_PHONE);
            owner.screenshot("share-mail-log", Browser.DESKTOP_WIDTH);
            log.get(url("/admin/mails?to=" + buyer.email()));
            owner.click(By.cssSelector("#mail-" + placedMail + " a[href^='/admin/mails/']"));
            new WebDriverWait(log, WAIT).until(d -> d.findElements(By.id("mail-subject")).size() == 1);
            assertThat(log.findElement(By.id("mail-subject")).getText()).contains(number);
            log.switchTo().frame(log.findElement(By.id("mail-html")));
            assertThat(log.findElement(By.tagName("body")).getText()).contains(number, link.substring(link.indexOf("/r/")));
            log.switchTo().defaultContent();
            owner.screenshot("share-mail", NARROW_PHONE);
            owner.screenshot("share-mail", Browser.DESKTOP_WIDTH);
        }
    }
}
