package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At 360 px, the narrowest phone the shop supports, in each of its four languages: every link, button and field of
 * the guest's, a customer's and the owner's pages lies inside the screen (the page never scrolls sideways), including
 * the opened menu, the category chips, the sort row and the owner's tab bar. Only a wide table may scroll, inside
 * its own visibly scrolling box.
 */
@BrowserTest
class PhoneWidthBrowserTests {

    private static final int NARROWEST_PHONE = 360;
    private static final List<String> LANGUAGES = List.of("en", "zh_CN", "zh_TW", "fil");

    /** Controls that are displayed and lie (partly) outside the viewport, or a page that scrolls sideways. */
    private static final String CONTROLS_OFF_SCREEN = """
            const width = document.documentElement.clientWidth;
            const off = [];
            if (document.documentElement.scrollWidth > width) {
                off.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
            }
            for (const el of document.querySelectorAll('a[href], button, select, input:not([type=hidden]), textarea')) {
                if (el.closest('.table-responsive') || el.classList.contains('visually-hidden-focusable')) continue;
                const style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
                if (box.left < -0.5 || box.right > width + 0.5) {
                    off.push((el.innerText || el.value || el.name || el.outerHTML).trim().substring(0, 60)
                            + ' [' + Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width + ']');
                }
            }
            return off;""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DistributorEnrolment enrolment;

    @Test
    void everyControlOfTheMainPagesIsOnScreenAt360PixelsInEveryLanguage() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long tea = 0;
        for (String name : List.of("Jasmine tea", "Celadon cup", "Oolong tea", "Bamboo tray", "Clay teapot", "Tea towel")) {
            tea = fixtures.product(name, "38.00", 10);
        }
        TestCustomer customer = fixtures.customer("Mei Lin");
        enrolment.codeFor(customer.id()).orElseThrow();

        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser()) {
            ChromeDriver driver = (ChromeDriver) browser.driver();
            phoneScreen(driver);
            for (String lang : LANGUAGES) {
                for (String page : List.of("/", "/products", "/products/" + tea, "/login", "/register")) {
                    check(driver, page, lang, problems);
                }
                driver.get(url("/products?lang=" + lang));
                browser.click(By.cssSelector("button.navbar-toggler"));
                new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(d -> d.findElement(By.cssSelector("#mainNav.show:not(.collapsing)")).isDisplayed());
                report("/products (menu open)", lang, driver, problems);
                shoot(browser, "phone-products-" + lang);
            }

            browser.logIn(url(""), customer.email(), customer.password());
            phoneScreen(driver);
            for (String lang : LANGUAGES) {
                for (String page : List.of("/cart", "/orders", "/account", "/distribution")) {
                    check(driver, page, lang, problems);
                }
            }
            driver.manage().deleteAllCookies();

            browser.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            phoneScreen(driver);
            for (String lang : LANGUAGES) {
                for (String page : List.of("/admin", "/admin/orders", "/admin/products", "/admin/products/new",
                        "/admin/customers", "/admin/distributors", "/admin/distribution/holds", "/admin/withdrawals",
                        "/admin/settings/distribution", "/admin/settings", "/admin/audit")) {
                    check(driver, page, lang, problems);
                }
                driver.get(url("/admin/products?lang=" + lang));
                shoot(browser, "phone-admin-products-" + lang);
                driver.get(url("/admin/distributors?lang=" + lang));
                shoot(browser, "phone-admin-distributors-" + lang);
            }
        }
        assertThat(problems).as("controls cut off or hidden at " + NARROWEST_PHONE + " px").isEmpty();
    }

    /** The window is as wide as the phone's screen, whatever Chromium's smallest window is. */
    private static void phoneScreen(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", NARROWEST_PHONE, "height", 780, "deviceScaleFactor", 1, "mobile", true));
    }

    private void check(WebDriver driver, String page, String lang, List<String> problems) {
        driver.get(url(page + (page.contains("?") ? "&" : "?") + "lang=" + lang));
        assertThat(((Number) ((ChromeDriver) driver).executeScript("return document.documentElement.clientWidth"))
                .intValue()).as("the phone's width").isEqualTo(NARROWEST_PHONE);
        report(page, lang, driver, problems);
    }

    @SuppressWarnings("unchecked")
    private static void report(String page, String lang, WebDriver driver, List<String> problems) {
        for (Object off : (List<Object>) ((ChromeDriver) driver).executeScript(CONTROLS_OFF_SCREEN)) {
            problems.add(page + " (" + lang + "): " + off);
        }
    }

    /** A screenshot of the whole page at the phone's width (the emulated screen grows to the page's height). */
    private static void shoot(Browser browser, String name) {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", NARROWEST_PHONE, "height", (int) Math.min(height, 6000), "deviceScaleFactor", 1,
                "mobile", true));
        try {
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(Path.of("target", "screenshots", name + "-360.png"),
                    driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        phoneScreen(driver);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
