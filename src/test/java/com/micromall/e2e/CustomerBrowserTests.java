package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.customer.CustomerMother;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class CustomerBrowserTests {

    @LocalServerPort
    int port;

    Browser browser;
    WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aVisitorRegistersThroughTheFormChecksTheirInboxAndLogsIn() throws Exception {
        driver.get(url("/register?code=ANNA2345&continue=/account"));
        assertThat(driver.findElement(By.id("referralCode")).getAttribute("value")).isEqualTo("ANNA2345");
        browser.shootBothWidths("customer-register");

        submit("registration-form");
        assertThat(driver.findElements(By.cssSelector(".invalid-feedback")).stream().filter(e -> e.isDisplayed()))
                .hasSizeGreaterThanOrEqualTo(3);
        type("name", "Mia Santos");
        type("email", "not-an-email");
        type("password", "short");
        submit("registration-form");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Mia Santos");
        assertThat(driver.findElement(By.id("password")).getAttribute("value")).isEmpty();
        browser.shootBothWidths("customer-register-errors");

        // Nobody shares ANNA2345 here: the form says so next to the code instead of ignoring it.
        assertThat(driver.findElement(By.id("referralCode")).getAttribute("class")).contains("is-invalid");
        String email = CustomerMother.uniqueEmail("mia");
        type("referralCode", "");
        type("email", email);
        type("password", "a good long password");
        type("phone", "+63 917 555 0101");
        submit("registration-form");

        assertThat(driver.getCurrentUrl()).contains("/register/check-inbox");
        assertThat(shown(By.id("check-inbox")).getText()).contains("We have sent a mail to " + email);
        browser.shootBothWidths("customer-check-inbox");
        browser.click(By.id("check-inbox-login"));
        type("email", email);
        type("password", "a good long password");
        browser.click(By.cssSelector("main form[action='/login'] button[type=submit]"));
        driver.get(url("/account"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My account");
        assertThat(driver.getPageSource()).contains(email);
        assertThat(shown(By.id("email-unverified")).getText()).contains("not verified yet");

        driver.get(url("/account/addresses/new"));
        type("recipient", "Mia Santos");
        type("phone", "+63 917 555 0101");
        type("line1", "21 Mabini Street");
        type("city", "Quezon City");
        type("postalCode", "1100");
        type("country", "Philippines");
        submit("address-form");
        assertThat(shown(By.cssSelector(".alert-success")).getText()).isEqualTo("Address added.");
        browser.shootBothWidths("customer-account");
    }

    @Test
    void theOwnerSeesCustomersAndShopSettings() throws Exception {
        browser.logIn(url(""), "owner@demo.micromall", "micromall-demo");

        driver.get(url("/admin/customers"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Customers");
        browser.shootBothWidths("customer-admin-customers");

        driver.get(url("/admin/settings"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Shop settings");
        browser.shootBothWidths("customer-admin-settings");
        String feeBefore = driver.findElement(By.id("shippingFee")).getAttribute("value");
        String phoneBefore = driver.findElement(By.id("contactPhone")).getAttribute("value");
        type("shippingFee", "-3");
        submit("settings-form");
        assertThat(shown(By.cssSelector("#shippingFee ~ .invalid-feedback")).getText()).contains("0 or more");
        browser.shootBothWidths("customer-admin-settings-errors");

        type("shippingFee", feeBefore);
        type("contactPhone", "+86 21 5555 0100");
        submit("settings-form");
        assertThat(shown(By.cssSelector(".alert-success")).getText()).isEqualTo("Shop settings saved.");

        driver.get(url("/admin/audit"));
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("+86 21 5555 0100");
        browser.shootBothWidths("customer-admin-audit");

        driver.get(url("/admin/settings")); // leave the shared shop as it was for other tests
        type("contactPhone", phoneBefore);
        submit("settings-form");
        assertThat(shown(By.cssSelector(".alert-success")).isDisplayed()).isTrue();
    }

    /** Clicks the form's own submit button; a freshly resized window may need a moment to settle. */
    private void submit(String formId) throws InterruptedException {
        By button = By.cssSelector("#" + formId + " button[type=submit]");
        try {
            browser.click(button);
        } catch (ElementClickInterceptedException e) {
            Thread.sleep(500);
            browser.click(button);
        }
    }

    /** The element once the page the last submit led to shows it (a click does not wait for the next page). */
    private org.openqa.selenium.WebElement shown(By locator) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void type(String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
