package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import java.time.Duration;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A visitor fills a cart, logs in (the cart survives), checks out with bank transfer; the owner
 * confirms payment, ships and completes in a second browser; the customer sees every status.
 */
@BrowserTest
class OrderJourneyBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    @Test
    void aVisitorsCartSurvivesLoginAndTheOwnerTakesTheOrderToCompleted() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long tea = fixtures.product("Jasmine tea", "38.00", 10);
        long cup = fixtures.product("Celadon cup", "24.50", 10);
        TestCustomer customer = fixtures.customer("Mei Lin");

        try (Browser shopper = new Browser(); Browser owner = new Browser()) {
            WebDriver driver = shopper.driver();
            addToCart(shopper, tea, 2);
            addToCart(shopper, cup, 1);
            driver.get(url("/cart"));
            assertThat(driver.findElement(By.cssSelector(".mm-cart-link .badge")).getText()).isEqualTo("3");
            shopper.shootBothWidths("order-cart");

            shopper.click(By.id("checkout-button"));
            assertThat(driver.getCurrentUrl()).contains("/login");
            logIn(shopper, customer.email(), customer.password());
            assertThat(driver.getCurrentUrl()).contains("/checkout");
            assertThat(driver.findElement(By.cssSelector(".mm-summary")).getText())
                    .contains(fixtures.productName(tea)).contains(fixtures.productName(cup));

            type(driver, "recipient", "Mei Lin");
            type(driver, "phone", "+86 138 0000 0000");
            type(driver, "line1", "88 Nanjing Road");
            type(driver, "city", "Shanghai");
            type(driver, "postalCode", "200001");
            type(driver, "country", "China");
            shopper.shootBothWidths("order-checkout");
            shopper.click(By.id("place-order"));

            String number = driver.findElement(By.id("order-number")).getText();
            assertThat(number).startsWith("MM-");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("use your order number as the reference");
            shopper.shootBothWidths("order-confirmation");

            logIn(owner, "owner@demo.micromall", "micromall-demo");
            owner.driver().get(url("/admin/orders/" + number));
            owner.shootBothWidths("order-admin-order");

            ownerActs(owner, "action-pay");
            assertThat(statusSeenBy(shopper, number)).isEqualTo("Paid");

            owner.driver().findElement(By.id("trackingNote")).sendKeys("SF Express 1234567890");
            ownerActs(owner, "action-ship");
            assertThat(statusSeenBy(shopper, number)).isEqualTo("Shipped");
            assertThat(driver.findElement(By.cssSelector(".mm-timeline")).getText()).contains("SF Express 1234567890");

            ownerActs(owner, "action-complete");
            assertThat(statusSeenBy(shopper, number)).isEqualTo("Completed");
            shopper.shootBothWidths("order-page");

            owner.driver().get(url("/admin"));
            owner.shootBothWidths("order-admin-overview");
            owner.driver().get(url("/admin/orders"));
            assertThat(owner.driver().getPageSource()).contains(number);
            owner.shootBothWidths("order-admin-orders");
        }
    }

    /** Adds through the product page's own form and waits for the shop's answer before moving on. */
    private void addToCart(Browser browser, long productId, int quantity) {
        WebDriver driver = browser.driver();
        driver.get(url("/products/" + productId));
        WebElement quantityField = driver.findElement(By.cssSelector("form[action$='/cart/add'] input[name=quantity]"));
        quantityField.clear();
        quantityField.sendKeys(String.valueOf(quantity));
        browser.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
    }

    private void logIn(Browser browser, String email, String password) {
        WebDriver driver = browser.driver();
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(url("/login"));
        }
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.click(By.cssSelector("form[action$='/login'] button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String statusSeenBy(Browser browser, String number) {
        browser.driver().get(url("/orders/" + number));
        return browser.driver().findElement(By.id("order-status")).getText();
    }

    private static void type(WebDriver driver, String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Clicks an owner action and waits for the shop's confirmation, so the next look sees its effect. */
    private static void ownerActs(Browser owner, String actionId) {
        owner.click(By.id(actionId));
        new WebDriverWait(owner.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
    }

}
