package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.referral.BindingModes;
import com.micromall.distribution.referral.BindingModes.BindingMode;
import com.micromall.distribution.referral.BindingModes.Mode;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The owner's binding mode section and the distributor's invitee list with each friend's source and protection
 * end, in the four languages at phone and desktop width (shot as the section itself, so it can be read).
 */
@BrowserTest
class BindingModeBrowserTests {

    private static final String[] LANGUAGES = {"en", "zh_CN", "zh_TW", "fil"};
    private static final int[] WIDTHS = {360, 1280};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;
    @Autowired BindingModes modes;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @AfterEach
    void backToPermanent() {
        modes.change(new BindingMode(Mode.PERMANENT, 30), "test");
    }

    private static void shoot(Browser browser, By section, String name, int width) throws Exception {
        browser.resize(width, 900);
        WebElement element = browser.driver().findElement(section);
        long height = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        // The whole page fits the window, so the section is shot whole wherever it sits.
        browser.resize(width, (int) Math.min(height + 200, 12000));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + "-" + width + ".png"), element.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theOwnerChoosesTheModeAndTheSharerSeesHowEachFriendCameAndUntilWhen() throws Exception {
        try (Browser owner = new Browser()) {
            owner.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            WebDriver driver = owner.driver();
            driver.get(url("/admin/settings/distribution?lang=en"));
            owner.click(By.cssSelector("#binding-mode input[value=LAST_SHARE_WINS]"));
            driver.findElement(By.id("protectionDays")).clear();
            driver.findElement(By.id("protectionDays")).sendKeys("400");
            owner.click(By.id("binding-mode-save"));
            assertThat(driver.findElement(By.id("protectionDays-error")).getText())
                    .isEqualTo("Enter a whole number of days from 1 to 365.");
            shoot(owner, By.id("binding-mode"), "binding-settings-error-en", 360);
            driver.findElement(By.id("protectionDays")).clear();
            driver.findElement(By.id("protectionDays")).sendKeys("14");
            owner.click(By.id("binding-mode-save"));
            assertThat(modes.current()).isEqualTo(new BindingMode(Mode.LAST_SHARE_WINS, 14));
            for (String lang : LANGUAGES) {
                driver.get(url("/admin/settings/distribution?lang=" + lang));
                for (int width : WIDTHS) {
                    shoot(owner, By.id("binding-mode"), "binding-settings-" + lang, width);
                }
            }
        }

        LedgerFixtures fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, null, null, null);
        TestCustomer anna = fixtures.orders.customer("Anna Sharer");
        enrolment.enrolActive(anna.id());
        fixtures.referredBy(anna, "Fiona Fresh");
        TestCustomer old = fixtures.referredBy(anna, "Oscar Older");
        jdbc.sql("UPDATE referral_binding SET bound_at = :at, source = 'TYPED_AT_REGISTRATION' WHERE referee_id = :c")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(20)))).param("c", old.id()).update();
        TestCustomer switched = fixtures.referredBy(anna, "Sam Switched");
        jdbc.sql("UPDATE referral_binding SET rebound_at = :at WHERE referee_id = :c")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(2)))).param("c", switched.id()).update();
        try (Browser sharer = new Browser()) {
            sharer.logIn(url(""), anna.email(), anna.password());
            for (String lang : LANGUAGES) {
                sharer.driver().get(url("/distribution?lang=" + lang));
                assertThat(sharer.driver().findElements(By.cssSelector(".mm-invitee-protection"))).hasSize(3);
                for (int width : WIDTHS) {
                    shoot(sharer, By.id("invitees"), "binding-invitees-" + lang, width);
                }
            }
        }
    }
}
