package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.customer.CustomerMother;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A visitor follows a friend's share link, sees who invited them, registers with the code already
 * filled in, and gets the welcome discount as its own line at checkout.
 */
@BrowserTest
class DistributionBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;

    @Test
    void anInvitedVisitorSeesTheInvitationRegistersWithTheCodeAndGetsTheWelcomeDiscount() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long tea = fixtures.product("Oolong tea", "50.00", 10);
        String code = enrolment.codeFor(fixtures.customer("Anna Li").id()).orElseThrow().code();
        String email = CustomerMother.uniqueEmail("invited");

        try (Browser visitor = new Browser()) {
            WebDriver driver = visitor.driver();
            driver.get(url("/r/" + code + "?next=/"));
            assertThat(driver.findElement(By.id("invitation-banner")).getText().replace('\u00a0', ' '))
                    .isEqualTo("Anna invited you — 10 % off your first order");
            visitor.shootBothWidths("distribution-home");

            driver.get(url("/register"));
            assertThat(driver.findElement(By.id("referralCode")).getAttribute("value")).isEqualTo(code);
            assertThat(driver.findElement(By.id("invitation-banner")).getText()).contains("Anna invited you");
            visitor.shootBothWidths("distribution-register");
            driver.findElement(By.id("name")).sendKeys("Ben Friend");
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(CustomerMother.PASSWORD);
            visitor.click(By.cssSelector("#registration-form button[type=submit]"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/register/check-inbox"));
            visitor.click(By.id("check-inbox-login"));
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(CustomerMother.PASSWORD);
            visitor.click(By.cssSelector("main form[action='/login'] button[type=submit]"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));

            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM referral_binding b JOIN customer c ON c.id = b.referee_id WHERE c.email = :e""")
                    .param("e", email).query(Long.class).single() == 1);

            driver.get(url("/products/" + tea));
            visitor.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
            driver.get(url("/checkout"));
            assertThat(driver.findElement(By.cssSelector(".mm-summary")).getText().replace('\u00a0', ' '))
                    .contains("Welcome gift from Anna (10 % off)").contains("5.00");
            assertThat(driver.findElements(By.id("invitation-banner"))).isEmpty();
            visitor.shootBothWidths("distribution-checkout");
        }

        TestCustomer late = fixtures.customer("Chen Later");
        try (Browser customer = new Browser()) {
            customer.logIn(url(""), late.email(), late.password());
            customer.driver().get(url("/distribution/invited-by"));
            assertThat(customer.driver().findElements(By.id("invited-by-form"))).hasSize(1);
            customer.shootBothWidths("distribution-invited-by");
        }
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
