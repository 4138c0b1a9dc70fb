package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The owner's distribution pages in a real browser, at phone and desktop width, in English and Chinese. */
@BrowserTest
class OwnerDistributionBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    @Test
    void theOwnerOpensTheSettingsWithTheSimulatorTheRollAndTheHoldsQueue() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        String token = OrderFixtures.unique("roll");
        TestCustomer sharer = distributor(fixtures, "王小明 " + token);
        TestCustomer other = distributor(fixtures, "Li, \"Lucky\" Wang " + token);
        TestCustomer friend = fixtures.customer("Friend " + token);
        jdbc.sql("INSERT INTO referral_binding (referee_id, referrer_id, bound_at, source) VALUES (?, ?, ?, 'LINK')")
                .params(friend.id(), sharer.id(), Timestamp.from(Instant.now())).update();
        long entry = heldCommission(sharer, friend, "SHARED_DEVICE");
        heldCommission(other, friend, "BUDGET");
        com.micromall.distribution.ledger.LedgerFixtures.rebuild(jdbc, sharer.id());
        com.micromall.distribution.ledger.LedgerFixtures.rebuild(jdbc, other.id());

        try (Browser owner = new Browser()) {
            WebDriver driver = owner.driver();
            owner.logIn(url(""), "owner@demo.micromall", "micromall-demo");

            driver.get(url("/admin/settings/distribution?basket=199.00&quantity=1"));
            assertThat(driver.findElement(By.id("sim-goods")).getText()).contains("199.00");
            assertThat(driver.findElement(By.id("no-level-three")).getText()).contains("no level 3");
            owner.shootBothWidths("owner-distribution-settings");
            WebElementsHelper.replace(driver, By.id("level1Percent"), "150");
            owner.click(By.cssSelector("#distribution-settings-form button[type=submit]"));
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("level1Percent-error")).isEmpty());
            assertThat(driver.findElement(By.id("level1Percent")).getAttribute("value")).isEqualTo("150");

            driver.get(url("/admin/distributors?q=" + token));
            assertThat(driver.findElements(By.cssSelector("#distributors tbody tr"))).hasSize(2);
            owner.shootBothWidths("owner-distributors");

            driver.get(url("/admin/distribution/holds"));
            assertThat(driver.findElement(By.id("hold-" + entry)).getText()).contains("王小明");
            assertThat(driver.findElement(By.id("budget-alert")).isDisplayed()).isTrue();
            owner.shootBothWidths("owner-holds");

            driver.get(url("/admin"));
            assertThat(driver.findElement(By.id("distribution-overview")).isDisplayed()).isTrue();
            owner.shootBothWidths("owner-overview");

            driver.get(url("/admin/distributors?lang=zh_CN&q=" + token));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("分销员");
            owner.shootBothWidths("owner-distributors-zh");
            driver.get(url("/admin/settings/distribution"));
            owner.shootBothWidths("owner-distribution-settings-zh");
            driver.get(url("/admin/distribution/holds?lang=en"));
        }
    }

    private TestCustomer distributor(OrderFixtures fixtures, String name) {
        TestCustomer customer = fixtures.customer(name);
        jdbc.sql("INSERT INTO distributor (customer_id, code, status, enrolled_at) VALUES (?, ?, 'ACTIVE', ?)")
                .params(customer.id(), UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(),
                        Timestamp.from(Instant.now()))
                .update();
        return customer;
    }

    private long heldCommission(TestCustomer sharer, TestCustomer buyer, String reason) {
        long line = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, hold_reason, unfreezes_at, created_at)
                VALUES (?, ?, ?, ?, ?, 1, 1, 'COMMISSION', 1, '10%', 12.34, 'CNY', 'ON_HOLD', ?, ?, ?)""")
                .params(sharer.id(), buyer.id(), line, "M-" + line, line, reason, now, now).update();
        return jdbc.sql("SELECT id FROM commission_entry WHERE line_id = ?").param(line).query(Long.class).single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Clearing a field the way a person does (select all, type over it). */
    private static final class WebElementsHelper {
        static void replace(WebDriver driver, By field, String text) {
            var element = driver.findElement(field);
            element.clear();
            element.sendKeys(text);
        }
    }
}
