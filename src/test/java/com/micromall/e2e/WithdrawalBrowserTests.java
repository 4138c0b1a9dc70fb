package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.payout.WithdrawalFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A withdrawal through the real pages: a distributor whose commission became available after
 * the return window requests a withdrawal; the owner marks it paid with a reference in a second
 * browser; the distributor reloads and sees it PAID with that reference.
 */
@BrowserTest
class WithdrawalBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService shopSettings;
    @Autowired UnfreezeJob unfreezeJob;
    @Autowired DistributionApi distribution;

    @Test
    void aDistributorRequestsAWithdrawalTheOwnerPaysItAndTheDistributorSeesItPaid() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        WithdrawalFixtures fixtures = new WithdrawalFixtures(orders, jdbc, carts, checkout, orderService, shopSettings,
                unfreezeJob);
        TestCustomer anna = fixtures.distributor("Anna Sharer");
        fixtures.earnThroughAnOrder(anna, "300.00");
        Money available = distribution.balancesOf(anna.id()).available();
        assertThat(available.isPositive()).isTrue();
        String amount = available.amount().toPlainString();

        try (Browser distributor = new Browser(); Browser owner = new Browser()) {
            WebDriver driver = distributor.driver();
            distributor.logIn(url(""), anna.email(), anna.password());
            driver.get(url("/distribution/withdrawals"));
            assertThat(driver.findElement(By.id("available-amount")).getText()).contains(amount);
            distributor.shootBothWidths("withdrawals-distributor");

            driver.findElement(By.id("amount")).sendKeys("5.555");
            submit(distributor);
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("amount-error")));
            assertThat(driver.findElement(By.id("amount-error")).getText()).contains("two decimals");
            assertThat(driver.findElement(By.id("amount")).getAttribute("value")).isEqualTo("5.555");
            assertThat(driver.findElement(By.id("method-error")).getText()).isNotBlank();
            assertThat(driver.findElement(By.id("accountDetails-error")).getText()).isNotBlank();
            distributor.shootBothWidths("withdrawals-form-errors");

            driver.findElement(By.id("amount")).clear();
            driver.findElement(By.id("amount")).sendKeys(amount);
            new Select(driver.findElement(By.id("method"))).selectByValue("BANK");
            driver.findElement(By.id("accountDetails")).sendKeys("China Merchants Bank\nAnna Sharer\n6225 8800 1234 5678");
            submit(distributor);
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(driver.findElement(By.cssSelector("#withdrawal-history .mm-withdrawal")).getText())
                    .contains("Requested").contains(amount);
            long id = jdbc.sql("SELECT id FROM withdrawal WHERE distributor_id = :d").param("d", anna.id())
                    .query(Long.class).single();

            owner.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            owner.driver().get(url("/admin/withdrawals"));
            assertThat(owner.driver().findElement(By.id("withdrawal-" + id)).getText())
                    .contains("Anna Sharer").contains(anna.email()).contains("6225 8800 1234 5678");
            owner.shootBothWidths("withdrawals-admin-queue");
            owner.driver().findElement(By.id("ref-" + id)).sendKeys("CMB-20261123-0042");
            owner.click(By.cssSelector("#withdrawal-" + id + " .mm-pay-form button[type=submit]"));
            new WebDriverWait(owner.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(owner.driver().findElements(By.id("withdrawal-" + id))).isEmpty();
            owner.driver().get(url("/admin/withdrawals?state=PAID"));
            assertThat(owner.driver().findElement(By.id("withdrawal-" + id)).getText()).contains("CMB-20261123-0042");
            owner.shootBothWidths("withdrawals-admin-paid");

            driver.navigate().refresh();
            assertThat(driver.findElement(By.id("withdrawal-" + id)).getText())
                    .contains("Paid").contains("CMB-20261123-0042");
            distributor.shootBothWidths("withdrawals-paid");

            driver.get(url("/distribution/withdrawals?lang=zh_CN"));
            assertThat(driver.findElement(By.id("withdrawal-" + id)).getText()).contains("已支付");
            distributor.shootBothWidths("withdrawals-paid-zh_CN");
            owner.driver().get(url("/admin/withdrawals?state=PAID&lang=zh_CN"));
            owner.shootBothWidths("withdrawals-admin-paid-zh_CN");
        }
    }

    @Test
    void aNegativeBalanceAfterAClawbackIsExplainedOnThePhone() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        WithdrawalFixtures fixtures = new WithdrawalFixtures(orders, jdbc, carts, checkout, orderService, shopSettings,
                unfreezeJob);
        TestCustomer oz = fixtures.distributorWithAvailable("Oz Clawed", "20.00");
        fixtures.entry(oz.id(), "CLAWBACK", "-30.00");

        try (Browser distributor = new Browser()) {
            distributor.logIn(url(""), oz.email(), oz.password());
            distributor.driver().get(url("/distribution/withdrawals"));
            assertThat(distributor.driver().findElement(By.id("negative-balance")).getText()).contains("10.00");
            assertThat(distributor.driver().findElement(By.id("clawed-back")).getText()).contains("30.00");
            distributor.shootBothWidths("withdrawals-negative");
        }
    }

    private static void submit(Browser browser) {
        browser.click(By.cssSelector("#withdrawal-form button[type=submit]"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
