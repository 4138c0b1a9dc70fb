package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.ledger.UnfreezeJob;
import com.micromall.distribution.payout.WithdrawalFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import com.micromall.settings.ShopTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A referral from link to payout, the whole way through the real pages in three browsers: a distributor
 * copies her link from the dashboard; a friend (second browser, no cookies) follows it, registers
 * with the code filled in, buys with the welcome discount; the owner (third browser) confirms
 * payment, ships and completes; the dashboard shows 10 % of what the friend paid for the goods
 * (rounded down) frozen until completion + the return window; after the window she withdraws it,
 * the owner pays it with a reference, and she sees it PAID and counted as withdrawn.
 */
@BrowserTest
class DistributionJourneyBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ShopTime shopTime;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService shopSettings;
    @Autowired DistributionSettingsService distributionSettings;
    @Autowired UnfreezeJob unfreezeJob;

    @Test
    void aSharedLinkBecomesAFrozenCommissionThenAWithdrawalTheOwnerPaysAndTheDistributorSeesPaid() {
        DistributionSettings rules = distributionSettings.current();
        assertThat(rules.enrolmentRule()).as("default enrolment rule").isEqualTo(DistributionSettings.EnrolmentRule.EVERYONE);
        assertThat(rules.level1Percent()).as("default level-1 rate").isEqualByComparingTo("10");
        assertThat(rules.returnWindowDays()).as("default return window").isEqualTo(7);

        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        WithdrawalFixtures money = new WithdrawalFixtures(orders, jdbc, carts, checkout, orderService, shopSettings,
                unfreezeJob);
        TestCustomer anna = orders.customer("Anna Journey");
        // 157.41 − welcome 10 % (15.741 → 15.74) = 141.67 paid; 10 % = 14.167 → 14.16 (down, not 14.17)
        String family = OrderFixtures.unique("Sharing");
        long kettle = orders.product(family + " iron kettle", "157.41", 5);
        String friendEmail = OrderFixtures.unique("friend").toLowerCase() + "@example.com";

        try (Browser distributor = new Browser(); Browser friend = new Browser(); Browser owner = new Browser()) {
            WebDriver annaPage = distributor.driver();

            // 1. Anna opens her dashboard, copies her link and reads it from the page.
            distributor.logIn(url(""), anna.email(), anna.password());
            annaPage.get(url("/distribution"));
            distributor.click(By.cssSelector("button[data-copy-target=share-link]"));
            new WebDriverWait(annaPage, Duration.ofSeconds(5))
                    .until(d -> !d.findElement(By.id("share-link-status")).getText().isEmpty());
            // headless Chromium may refuse the clipboard: the page then selects the link and says so
            assertThat(annaPage.findElement(By.id("share-link-status")).getText())
                    .isIn("Copied!", "Selected: press Copy on your keyboard or menu.");
            String link = annaPage.findElement(By.id("share-link")).getAttribute("value");
            String code = jdbc.sql("SELECT code FROM distributor WHERE customer_id = :c").param("c", anna.id())
                    .query(String.class).single();
            assertThat(link).isEqualTo(url("/r/" + code));

            // 2. A friend, in a browser of her own, follows the link, registers and buys.
            WebDriver friendPage = friend.driver();
            friendPage.get(link);
            waitFor(friendPage, By.id("invitation-banner"));
            friend.click(By.cssSelector("header a[href='/register']"));
            waitFor(friendPage, By.id("registration-form"));
            assertThat(friendPage.findElement(By.id("referralCode")).getAttribute("value")).isEqualTo(code);
            friendPage.findElement(By.id("name")).sendKeys("Faye Friend");
            friendPage.findElement(By.id("email")).sendKeys(friendEmail);
            friendPage.findElement(By.id("password")).sendKeys("a long friend secret");
            friend.click(By.cssSelector("#registration-form button[type=submit]"));
            new WebDriverWait(friendPage, WAIT).until(d -> d.getCurrentUrl().contains("/register/check-inbox"));
            friend.click(By.id("check-inbox-login"));
            friendPage.findElement(By.id("email")).sendKeys(friendEmail);
            friendPage.findElement(By.id("password")).sendKeys("a long friend secret");
            friend.click(By.cssSelector("main form[action='/login'] button[type=submit]"));
            new WebDriverWait(friendPage, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
            long friendId = jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", friendEmail)
                    .query(Long.class).single();
            // She opens the verification mail (no mail server here): until then Anna's commission would be held.
            jdbc.sql("UPDATE customer SET email_verified_at = created_at WHERE id = :id").param("id", friendId).update();
            await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM referral_binding WHERE referee_id = :f"
                            + " AND referrer_id = :a").param("f", friendId).param("a", anna.id())
                    .query(Long.class).single() == 1);

            friendPage.get(url("/products/" + kettle));
            submitAndWait(friend, By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
            friendPage.get(url("/checkout"));
            WebElement welcomeLine = friendPage.findElements(By.cssSelector(".mm-summary .text-success")).stream()
                    .filter(e -> e.getText().contains("Welcome gift from Anna")).findFirst().orElseThrow();
            assertThat(amountIn(welcomeLine.getText().substring(welcomeLine.getText().indexOf(')') + 1)))
                    .isEqualByComparingTo("15.74");
            type(friendPage, "recipient", "Faye Friend");
            type(friendPage, "phone", "+63 917 000 1111");
            type(friendPage, "line1", "7 Kalayaan Avenue");
            type(friendPage, "city", "Makati");
            type(friendPage, "postalCode", "1200");
            type(friendPage, "country", "Philippines");
            friend.click(By.id("place-order"));
            String number = waitFor(friendPage, By.id("order-number")).getText();
            BigDecimal paidForGoods = jdbc.sql("SELECT goods_total - discount_total FROM shop_order WHERE number = :n")
                    .param("n", number).query(BigDecimal.class).single();
            assertThat(paidForGoods).isEqualByComparingTo("141.67");
            BigDecimal commission = paidForGoods.multiply(rules.level1Percent())
                    .divide(new BigDecimal("100"), 2, RoundingMode.DOWN);

            // 3. The owner confirms payment, ships and completes the order.
            owner.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            owner.driver().get(url("/admin/orders/" + number));
            ownerActs(owner, "action-pay");
            owner.driver().findElement(By.id("trackingNote")).sendKeys("LBC 123456");
            ownerActs(owner, "action-ship");
            ownerActs(owner, "action-complete");
            Instant completedAt = jdbc.sql("""
                    SELECT c.changed_at FROM order_status_change c JOIN shop_order o ON o.id = c.order_id
                    WHERE o.number = :n AND c.status = 'COMPLETED'""").param("n", number)
                    .query(Timestamp.class).single().toInstant();

            // 4. Anna's dashboard shows the commission frozen, with the date it becomes withdrawable.
            String unfreezeDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US)
                    .withZone(shopTime.zone()).format(completedAt.plus(Duration.ofDays(7)));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                annaPage.get(url("/distribution"));
                assertThat(amountIn(annaPage.findElement(By.id("money-frozen")).getText()))
                        .isEqualByComparingTo(commission);
            });
            assertThat(annaPage.findElement(By.id("next-unfreeze")).getText()).contains(unfreezeDate);
            assertThat(amountIn(annaPage.findElement(By.id("money-available")).getText())).isZero();
            assertThat(annaPage.findElement(By.id("ledger-list")).getText()).contains(number);
            distributor.shootBothWidths("journey-dashboard-frozen");

            // 5. After the window the job makes it available; Anna asks for all of it.
            money.unfreezeAsOf(completedAt.plus(Duration.ofDays(7)).plusSeconds(60));
            annaPage.navigate().refresh();
            assertThat(amountIn(annaPage.findElement(By.id("money-available")).getText()))
                    .isEqualByComparingTo(commission);
            assertThat(amountIn(annaPage.findElement(By.id("money-frozen")).getText())).isZero();
            distributor.click(By.id("withdraw-link"));
            waitFor(annaPage, By.id("withdrawal-form"));
            assertThat(amountIn(annaPage.findElement(By.id("available-amount")).getText()))
                    .isEqualByComparingTo(commission);
            annaPage.findElement(By.id("amount")).sendKeys(commission.toPlainString());
            new Select(annaPage.findElement(By.id("method"))).selectByValue("BANK");
            annaPage.findElement(By.id("accountDetails")).sendKeys("BPI\nAnna Journey\n1234 5678 90");
            submitAndWait(distributor, By.cssSelector("#withdrawal-form button[type=submit]"));
            long withdrawal = jdbc.sql("SELECT id FROM withdrawal WHERE distributor_id = :d").param("d", anna.id())
                    .query(Long.class).single();
            assertThat(annaPage.findElement(By.id("withdrawal-" + withdrawal)).getText()).contains("Requested");

            // 6. The owner pays it with a reference; Anna sees it PAID and counted as withdrawn.
            String reference = OrderFixtures.unique("BPI-REF");
            owner.driver().get(url("/admin/withdrawals"));
            assertThat(owner.driver().findElement(By.id("withdrawal-" + withdrawal)).getText())
                    .contains("Anna Journey").contains("1234 5678 90");
            owner.driver().findElement(By.id("ref-" + withdrawal)).sendKeys(reference);
            submitAndWait(owner, By.cssSelector("#withdrawal-" + withdrawal + " .mm-pay-form button[type=submit]"));

            annaPage.get(url("/distribution/withdrawals"));
            assertThat(annaPage.findElement(By.id("withdrawal-" + withdrawal)).getText())
                    .contains("Paid").contains(reference).contains(commission.toPlainString());
            distributor.shootBothWidths("journey-withdrawals-paid");
            annaPage.get(url("/distribution"));
            assertThat(amountIn(annaPage.findElement(By.id("money-withdrawn")).getText()))
                    .isEqualByComparingTo(commission);
            assertThat(amountIn(annaPage.findElement(By.id("money-available")).getText())).isZero();

            annaPage.get(url("/distribution?lang=zh_CN"));
            assertThat(annaPage.findElement(By.id("share-heading")).getText()).isEqualTo("我的分享链接");
            distributor.shootBothWidths("journey-dashboard-withdrawn-zh_CN");
        }
    }

    /** The number in a formatted amount such as "₱14.16" (no grouping below 1,000). */
    private static BigDecimal amountIn(String text) {
        return new BigDecimal(text.replaceAll("[^0-9.]", ""));
    }

    /** Clicks an owner action and waits for the shop's confirmation, so the next look sees its effect. */
    private static void ownerActs(Browser owner, String actionId) {
        submitAndWait(owner, By.id(actionId));
    }

    /** Clicks a submit button and waits until its page is gone and the result page confirms success. */
    private static void submitAndWait(Browser browser, By button) {
        WebElement old = browser.driver().findElement(button);
        browser.click(button);
        new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(old));
        waitFor(browser.driver(), By.cssSelector(".alert-success"));
    }

    private static WebElement waitFor(WebDriver driver, By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
