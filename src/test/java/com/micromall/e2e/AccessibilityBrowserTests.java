package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The shop's main pages for each role checked by axe-core against WCAG 2.x A and AA (contrast, labels, landmarks,
 * names of controls), and the "skip to content" link every page starts with. One browser walks through the guest's,
 * a customer's and the owner's pages so the check stays quick.
 */
@BrowserTest
class AccessibilityBrowserTests {

    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DistributorEnrolment enrolment;

    @Test
    void everyMainPageOfTheGuestTheCustomerAndTheOwnerMeetsWcagAa() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long tea = fixtures.product("Jasmine tea", "38.00", 10);
        fixtures.product("Celadon cup", "24.50", 1);
        TestCustomer customer = fixtures.customer("Mei Lin");
        fixtures.address(customer.id());
        enrolment.codeFor(customer.id()).orElseThrow();
        String productPage = "/products/" + tea;

        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            check(driver, "/?lang=en", violations);
            browser.shootBothWidths("a11y-home");
            check(driver, "/products", violations);
            check(driver, productPage, violations);
            check(driver, "/login", violations);
            check(driver, "/register", violations);

            browser.logIn(url(""), customer.email(), customer.password());
            driver.get(url(productPage));
            browser.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
            check(driver, "/cart", violations);
            check(driver, "/checkout", violations);
            browser.shootBothWidths("a11y-checkout");
            browser.click(By.id("place-order"));
            String number = driver.findElement(By.id("order-number")).getText();
            check(driver, "/orders/" + number + "/confirmation", violations);
            check(driver, "/orders", violations);
            check(driver, "/orders/" + number, violations);
            check(driver, "/account", violations);
            check(driver, "/distribution", violations);
            browser.click(By.cssSelector("form[action$='/logout'] button[type=submit]"));

            browser.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            for (String page : List.of("/admin", "/admin/orders", "/admin/products", "/admin/products/new",
                    "/admin/customers", "/admin/distributors", "/admin/distribution/holds", "/admin/withdrawals",
                    "/admin/settings/distribution", "/admin/settings", "/admin/audit")) {
                check(driver, page, violations);
            }
            check(driver, "/admin/orders/" + number, violations);
            check(driver, "/admin/customers/" + customer.id(), violations);
        }
        assertThat(violations).as("axe-core WCAG A/AA violations").isEmpty();
    }

    @Test
    void theFirstTabStopIsAVisibleSkipLinkThatMovesFocusToTheMainContent() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            for (String lang : List.of("en", "zh_CN", "zh_TW", "fil")) {
                driver.get(url("/products?lang=" + lang));
                WebElement skip = driver.findElement(By.cssSelector("a.mm-skip-link"));
                assertThat(skip.getRect().getWidth()).as("hidden until focused").isLessThanOrEqualTo(1);

                new Actions(driver).sendKeys(Keys.TAB).perform();
                WebElement focused = driver.switchTo().activeElement();
                assertThat(focused).as("the first tab stop in " + lang).isEqualTo(skip);
                assertThat(skip.isDisplayed()).as("visible once focused").isTrue();
                assertThat(skip.getRect().getWidth()).isGreaterThan(20);
                assertThat(skip.getText()).isNotBlank();
                assertThat(skip.getAttribute("href")).endsWith("#main");
                if ("en".equals(lang)) {
                    browser.screenshot("a11y-skip-link", Browser.DESKTOP_WIDTH);
                }

                focused.sendKeys(Keys.ENTER);
                WebElement main = driver.findElement(By.id("main"));
                assertThat(main.getTagName()).isEqualTo("main");
                assertThat(driver.switchTo().activeElement()).as("focus moved to the main content").isEqualTo(main);
            }
        }
    }

    private void check(WebDriver driver, String path, List<String> violations) {
        driver.get(url(path));
        Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(driver);
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                violations.add(path + " · " + rule.getId() + " (" + rule.getHelp() + ") at " + node.getTarget()
                        + ": " + node.getFailureSummary());
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
