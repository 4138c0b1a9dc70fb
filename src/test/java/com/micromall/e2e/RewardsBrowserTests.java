package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A distributor switches to store credit and a friend's share, then sees the credit as its own line at checkout. */
@BrowserTest
class RewardsBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aDistributorSwitchesToStoreCreditChoosesAShareAndSpendsTheCreditAtCheckout() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        TestCustomer rosa = fixtures.customer("Rosa Rewards");
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (:c, :code, 'ACTIVE', :at)")
                .param("c", rosa.id()).param("code", "RW" + Long.toString(rosa.id(), 36).toUpperCase() + "XYZ".substring(0, 1))
                .param("at", Timestamp.from(Instant.now())).update();
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-BROWSER', :line, 1, 1, 'COMMISSION', 1, '10%', 10.00, 'CNY', 'AVAILABLE', :at, :at)""")
                .param("d", rosa.id()).param("line", 3_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                .param("at", Timestamp.from(Instant.now())).update();
        com.micromall.distribution.ledger.LedgerFixtures.rebuild(jdbc, rosa.id());
        long vase = fixtures.product("Celadon vase", "58.00", 10);

        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            browser.logIn(url(""), rosa.email(), rosa.password());
            driver.get(url("/distribution/rewards"));
            assertThat(driver.findElement(By.id("reward-form-current")).getText()).contains("Cash");

            browser.click(By.cssSelector("input[name=rewardForm][value=STORE_CREDIT]"));
            browser.click(By.id("save-reward-form"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(driver.findElement(By.id("reward-form-current")).getText()).contains("Store credit");
            assertThat(driver.findElement(By.id("rewards-credit")).getText()).contains("12.00");

            browser.click(By.cssSelector("input[name=friendSharePercent][value='50']"));
            browser.click(By.id("save-friend-share"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "50"));
            browser.shootBothWidths("distribution-rewards");

            driver.get(url("/distribution/rewards?lang=zh_CN"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的奖励"));
            browser.shootBothWidths("distribution-rewards-zh_CN");
            driver.get(url("/distribution/rewards?lang=en"));

            driver.get(url("/products/" + vase));
            browser.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
            driver.get(url("/checkout"));
            assertThat(driver.findElement(By.cssSelector(".mm-summary")).getText().replace('\u00a0', ' '))
                    .contains("Store credit (+20 % bonus)").contains("12.00");
            browser.shootBothWidths("distribution-checkout-store-credit");
        }
    }
}
