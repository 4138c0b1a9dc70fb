package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Shop pages in a real browser, with real cookies: signed-in customers see their own cart badge and log out with
 * their own token, and after logging out nobody is shown the signed-in page; a friend who taps a share link gets
 * their banner, and nobody else sees it; guests add to their carts from a product page, each with their own CSRF
 * token. Every page shows the shop as it is at that moment.
 */
@BrowserTest
class GuestPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DistributorEnrolment enrolment;

    @Test
    void aGuestAndASignedInCustomerEachGetTheirOwnPageAndNobodyTheSignedInOneAfterLoggingOut() {
        try (Browser browser = new Browser()) {
            walkThrough(browser, browser.driver());
        }
    }

    private void walkThrough(Browser browser, WebDriver driver) {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        String word = "page" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        TestCustomer mei = fixtures.customer("Mei Guest");
        String jasmine = name(fixtures.product("Jasmine " + word, "9.90", 5));
        String list = "/products?q=" + word;

        driver.get(url(list));
        assertThat(names(driver)).containsExactly(jasmine);
        assertThat(signedIn(driver)).isFalse();

        String oolong = name(fixtures.product("Oolong " + word, "12.00", 5));
        driver.get(url(list));
        assertThat(names(driver)).as("the guest's page, as the shop is now").containsExactlyInAnyOrder(jasmine, oolong);

        browser.logIn(url(""), mei.email(), mei.password());
        driver.get(url(list));
        assertThat(names(driver)).as("a signed-in customer's own page").containsExactlyInAnyOrder(jasmine, oolong);
        assertThat(signedIn(driver)).isTrue();
        browser.shootBothWidths("guest-pages-signed-in");

        browser.click(By.cssSelector("form[action$='/logout'] button[type=submit]"));
        driver.get(url(list));
        assertThat(signedIn(driver)).as("after logging out (the CSRF cookie stays): the guest's page").isFalse();
        assertThat(names(driver)).containsExactlyInAnyOrder(jasmine, oolong);
    }

    @Test
    void aFriendWhoTapsAShareLinkGetsTheirBannerAndNobodyElseDoes() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        String code = enrolment.codeFor(fixtures.customer("Lena Sharer").id()).orElseThrow().code();
        String word = "page" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String list = "/products?q=" + word;
        String jasmine = name(fixtures.product("Jasmine " + word, "9.90", 5));
        try (Browser guest = new Browser(); Browser friend = new Browser()) {
            guest.driver().get(url(list));
            assertThat(guest.driver().findElements(By.id("invitation-banner"))).isEmpty();
            fixtures.product("Oolong " + word, "12.00", 5);

            friend.driver().get(url("/r/" + code + "?next=" + list));
            assertThat(friend.driver().getCurrentUrl()).endsWith(list);
            assertThat(names(friend.driver())).contains(jasmine).hasSize(2);
            assertThat(friend.driver().findElement(By.id("invitation-banner")).getText()).contains("Lena invited you");
            friend.shootBothWidths("guest-pages-invited");

            guest.driver().get(url(list));
            assertThat(guest.driver().findElements(By.id("invitation-banner")))
                    .as("nobody else gets the banner").isEmpty();
        }
    }

    @Test
    void twoGuestsAddToTheirCartsFromTheSameProductPage() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long product = fixtures.product("Pu-erh " + UUID.randomUUID().toString().substring(0, 8), "15.00", 9);
        String page = "/products/" + product;
        try (Browser first = new Browser(); Browser second = new Browser()) {
            first.driver().get(url(page));
            jdbc.sql("UPDATE product SET name = 'Renamed behind the page' WHERE id = ?").param(product).update();
            second.driver().get(url(page));
            assertThat(second.driver().findElement(By.tagName("h1")).getText()).as("the page as the shop is now")
                    .isEqualTo("Renamed behind the page");
            second.shootBothWidths("guest-pages-product");

            for (Browser guest : List.of(second, first)) {
                guest.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
                assertThat(guest.driver().getCurrentUrl()).endsWith(page);
                assertThat(guest.driver().findElement(By.cssSelector(".mm-cart-link .badge")).getText())
                        .as("the guest's own cart, through their own CSRF token").isEqualTo("1");
            }
        }
    }

    @Test
    void twoSignedInCustomersEachSeeTheirOwnCartAndLogOut() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        TestCustomer nora = fixtures.customer("Nora First");
        TestCustomer omar = fixtures.customer("Omar Second");
        String word = "page" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long product = fixtures.product("Longjing " + word, "18.00", 9);
        String longjing = name(product);
        String list = "/products?q=" + word;
        try (Browser first = new Browser(); Browser second = new Browser()) {
            first.logIn(url(""), nora.email(), nora.password());
            first.driver().get(url("/products/" + product));
            first.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
            first.driver().get(url(list));
            assertThat(names(first.driver())).containsExactly(longjing);
            assertThat(first.driver().findElement(By.cssSelector(".mm-cart-link .badge")).getText()).isEqualTo("1");
            jdbc.sql("UPDATE product SET name = ? WHERE id = ?").param("Renamed behind the page " + word).param(product)
                    .update();

            second.logIn(url(""), omar.email(), omar.password());
            second.driver().get(url(list));
            assertThat(names(second.driver())).as("the page as the shop is now")
                    .containsExactly("Renamed behind the page " + word);
            WebElement badge = second.driver().findElement(By.cssSelector(".mm-cart-link .badge"));
            assertThat(badge.isDisplayed()).as("Omar's empty cart: no badge").isFalse();
            assertThat(second.driver().getPageSource()).doesNotContain("Nora");
            second.shootBothWidths("guest-pages-signed-in-second");

            second.click(By.cssSelector("form[action$='/logout'] button[type=submit]"));
            assertThat(second.driver().getCurrentUrl()).as("logged out with his own token").endsWith("/?loggedOut");
            assertThat(signedIn(second.driver())).isFalse();
            first.driver().get(url("/cart"));
            assertThat(signedIn(first.driver())).as("Nora is still signed in").isTrue();
        }
    }

    private String name(long product) {
        return jdbc.sql("SELECT name FROM product WHERE id = ?").param(product).query(String.class).single();
    }

    private static List<String> names(WebDriver driver) {
        return driver.findElements(By.cssSelector(".mm-product-name")).stream().map(WebElement::getText).toList();
    }

    private static boolean signedIn(WebDriver driver) {
        return !driver.findElements(By.cssSelector("form[action$='/logout']")).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
