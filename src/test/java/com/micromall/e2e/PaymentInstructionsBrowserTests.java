package com.micromall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.settings.PaymentInstructionsChange;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The owner writes the bank details and uploads a payment QR on the settings page; a buyer on a
 * 390 px phone pays by bank transfer and the confirmation tells them where to pay.
 */
@BrowserTest
class PaymentInstructionsBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PaymentInstructionsService instructions;

    @AfterEach
    void clearInstructions() {
        instructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER", null, null, true)), "test");
    }

    @Test
    void aPhoneBuyerPayingByBankTransferSeesTheOwnersBankDetailsAndQrOnTheConfirmation() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long tea = fixtures.product("Longjing green tea, spring harvest", "68.00", 10);
        TestCustomer customer = fixtures.customer("Xiao Hong");
        Path qr = Files.createTempFile("payment-qr", ".png");
        ImageIO.write(qrLikePicture(), "png", qr.toFile());

        try (Browser owner = new Browser(); Browser shopper = new Browser()) {
            owner.logIn(url(""), "owner@demo.micromall", "micromall-demo");
            owner.driver().get(url("/admin/settings"));
            WebElement text = owner.driver().findElement(By.name("methods[0].text"));
            text.clear();
            text.sendKeys("Bank: Bank of Suzhou, Gusu branch\nAccount holder: Micromall Trading Co.\n"
                    + "IBAN: CN12 3456 7890 1234 5678 9012\nPlease put {order} in the transfer note.");
            owner.driver().findElement(By.name("methods[0].qrImage")).sendKeys(qr.toAbsolutePath().toString());
            owner.click(By.cssSelector("#payment-form button[type=submit]"));
            new WebDriverWait(owner.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(owner.driver().findElement(By.cssSelector("#payment-form img")).getAttribute("src"))
                    .contains("/images/payment-qr/BANK_TRANSFER/");
            owner.screenshot("payinfo-settings", Browser.PHONE_WIDTH);

            WebDriver driver = shopper.driver();
            shopper.resize(Browser.PHONE_WIDTH, 900);
            shopper.logIn(url(""), customer.email(), customer.password());
            driver.get(url("/products/" + tea));
            shopper.click(By.cssSelector("form[action$='/cart/add'] button[type=submit]"));
            driver.get(url("/checkout"));
            for (String[] field : new String[][] {{"recipient", "Xiao Hong"}, {"phone", "+86 138 0000 0000"},
                    {"line1", "88 Nanjing Road"}, {"city", "Shanghai"}, {"postalCode", "200001"}, {"country", "China"}}) {
                WebElement input = driver.findElement(By.id(field[0]));
                input.clear();
                input.sendKeys(field[1]);
            }
            shopper.click(By.cssSelector("input[name=paymentMethod][value=BANK_TRANSFER]"));
            shopper.click(By.id("place-order"));

            String number = driver.findElement(By.id("order-number")).getText();
            WebElement box = driver.findElement(By.id("payment-instructions"));
            assertThat(box.getText()).contains("IBAN: CN12 3456 7890 1234 5678 9012",
                    "Please put " + number + " in the transfer note.");
            WebElement picture = driver.findElement(By.id("payment-qr"));
            assertThat((Boolean) ((JavascriptExecutor) driver)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", picture))
                    .as("the QR picture loads").isTrue();
            Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("nothing sticks out sideways on a phone").isLessThanOrEqualTo(0);
            assertThat(shopper.screenshot("payinfo-confirmation", Browser.PHONE_WIDTH)).exists();
        } finally {
            Files.deleteIfExists(qr);
        }
    }

    /** A black-and-white pattern the size of a real payment code. */
    private static BufferedImage qrLikePicture() {
        BufferedImage image = new BufferedImage(330, 330, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 330; x++) {
            for (int y = 0; y < 330; y++) {
                int cellX = x / 10;
                int cellY = y / 10;
                boolean finder = (cellX < 7 || cellX > 25) && cellY < 7 || cellX < 7 && cellY > 25;
                boolean dark = finder ? (Math.max(Math.abs(cellX % 26 - 3), Math.abs(cellY % 26 - 3)) != 2)
                        : ((cellX * 7 + cellY * 13) % 5 < 2);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
