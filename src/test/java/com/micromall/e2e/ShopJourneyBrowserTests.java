package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.micromall.order.OrderFixtures;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A shopper's whole journey as people do it, in two real browsers and through a real SMTP server:
 * a visitor finds two products, fills a cart, registers on the way to checkout, the cart survives,
 * she pays by bank transfer; the owner confirms payment, ships and completes; she sees each
 * status and receives an e-mail for each.
 */
@BrowserTest
class ShopJourneyBrowserTests {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aVisitorRegistersOnTheWayToCheckoutAndFollowsHerOrderToCompletedWithAMailForEachStep() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        String family = OrderFixtures.unique("Journey");
        long soap = fixtures.product(family + " lavender soap", "19.90", 10);
        long towel = fixtures.product(family + " linen towel", "45.00", 10);
        String email = OrderFixtures.unique("lena") + "@example.com";

        try (Browser shopper = new Browser(); Browser owner = new Browser()) {
            WebDriver driver = shopper.driver();

            // Finds the products by searching, like a shopper would.
            driver.get(url("/products"));
            driver.findElement(By.id("q")).sendKeys(family);
            driver.findElement(By.id("q")).submit();
            waitFor(driver, By.cssSelector("a[href='/products/" + soap + "']"));
            shopper.click(By.cssSelector("a[href='/products/" + soap + "']"));
            addToCart(shopper, 2);
            driver.get(url("/products/" + towel));
            addToCart(shopper, 1);

            driver.get(url("/cart"));
            assertThat(driver.findElement(By.cssSelector(".mm-cart-link .badge")).getText()).isEqualTo("3");
            shopper.click(By.id("checkout-button"));
            assertThat(driver.getCurrentUrl()).contains("/login");

            // No account yet: registers from the login page.
            shopper.click(By.cssSelector("main a[href='/register']"));
            driver.findElement(By.id("name")).sendKeys("Lena Ramos");
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys("a long secret");
            shopper.click(By.cssSelector("#registration-form button[type=submit]"));
            // The same "check your inbox" page whether or not the address was new; she logs in at once.
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/register/check-inbox"));
            shopper.click(By.id("check-inbox-login"));
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys("a long secret");
            shopper.click(By.cssSelector("main form[action='/login'] button[type=submit]"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));

            // The visitor's cart became her cart.
            driver.get(url("/cart"));
            assertThat(driver.findElement(By.cssSelector(".mm-cart-link .badge")).getText()).isEqualTo("3");
            shopper.click(By.id("checkout-button"));
            assertThat(driver.getCurrentUrl()).contains("/checkout");
            assertThat(driver.findElement(By.cssSelector(".mm-summary")).getText())
                    .contains(family + " lavender soap").contains(family + " linen towel");
            type(driver, "recipient", "Lena Ramos");
            type(driver, "phone", "+63 917 000 0000");
            type(driver, "line1", "12 Mabini Street");
            type(driver, "city", "Quezon City");
            type(driver, "postalCode", "1100");
            type(driver, "country", "Philippines");
            shopper.click(By.id("place-order"));
            String number = waitFor(driver, By.id("order-number")).getText();
            assertThat(number).startsWith("MM-");

            owner.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            owner.driver().get(url("/admin/orders/" + number));
            assertThat(statusSeenBy(shopper, number)).isEqualTo("Awaiting payment");

            ownerActs(owner, "action-pay");
            assertThat(statusSeenBy(shopper, number)).isEqualTo("Paid");
            owner.driver().findElement(By.id("trackingNote")).sendKeys("LBC 778899");
            ownerActs(owner, "action-ship");
            assertThat(statusSeenBy(shopper, number)).isEqualTo("Shipped");
            ownerActs(owner, "action-complete");
            assertThat(statusSeenBy(shopper, number)).isEqualTo("Completed");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo(email)).containsExactlyInAnyOrder(
                    "Micromall · Confirm your e-mail address",
                    "Micromall · Welcome: share and earn",
                    "Micromall · Order " + number + " received",
                    "Micromall · Payment received for order " + number,
                    "Micromall · Order " + number + " is on its way",
                    "Micromall · Order " + number + " is complete"));
        }
    }

    private List<String> subjectsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(email))
                .map(ShopJourneyBrowserTests::subject)
                .toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void addToCart(Browser browser, int quantity) {
        WebElement field = browser.driver().findElement(By.cssSelector("form[action$='/cart/add'] input[name=quantity]"));
        field.clear();
        field.sendKeys(String.valueOf(quantity));
        browser.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
        waitFor(browser.driver(), By.cssSelector(".alert-success"));
    }

    private String statusSeenBy(Browser browser, String number) {
        browser.driver().get(url("/orders/" + number));
        return browser.driver().findElement(By.id("order-status")).getText();
    }

    private static WebElement waitFor(WebDriver driver, By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clicks an owner action and waits for the shop's confirmation, so the next look sees its effect. */
    private static void ownerActs(Browser owner, String actionId) {
        owner.click(By.id(actionId));
        new WebDriverWait(owner.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
    }

}
