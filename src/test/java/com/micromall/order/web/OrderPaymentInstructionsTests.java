package com.micromall.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.settings.PaymentInstructionsChange;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The owner's payment instructions on the buyer's confirmation and order pages: while payment is awaited, and only then. */
@MicromallTest
class OrderPaymentInstructionsTests {

    private static final String BANK = "Bank of Suzhou, holder Anna Lee\nIBAN CN12 3456 7890\nPlease put {order} in the transfer note.";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PaymentInstructionsService instructions;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new OrderFixtures(jdbc, encoder);
        instructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER", BANK, qrPng(), false)), "test");
    }

    @AfterEach
    void clearInstructions() {
        instructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER", null, null, true),
                new PaymentInstructionsChange("CASH_ON_DELIVERY", null, null, true)), "test");
    }

    @Test
    void aBankTransferOrderAwaitingPaymentShowsTheInstructionsUntilTheOwnerConfirmsPayment() throws Exception {
        TestCustomer buyer = fixtures.customer("Transfer buyer");
        String number = checkOut(buyer, "BANK_TRANSFER");
        String qrPath = instructions.forMethod("BANK_TRANSFER").orElseThrow().qrPath();

        for (Document page : List.of(confirmation(buyer, number), orderPage(buyer, number))) {
            assertThat(page.select("#payment-instructions").text())
                    .contains("Bank of Suzhou", "IBAN CN12 3456 7890", "Please put " + number + " in the transfer note.")
                    .doesNotContain("{order}");
            assertThat(page.select("#payment-qr").attr("src")).isEqualTo(qrPath);
        }
        mvc.perform(get(qrPath)).andExpect(status().isOk());

        mvc.perform(post("/admin/orders/" + number + "/pay").with(user(fixtures.owner())).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "order.flash.paid"));

        for (Document page : List.of(confirmation(buyer, number), orderPage(buyer, number))) {
            assertThat(page.select("#payment-instructions")).isEmpty();
            assertThat(page.select("main").text()).doesNotContain("IBAN", "Please transfer", "Bank of Suzhou");
        }
        assertThat(confirmation(buyer, number).select("main").text()).contains("Your order is now: Paid.");
    }

    @Test
    void theInstructionsShownAreTheOnesInForceNowAndInTheBuyersLanguage() throws Exception {
        TestCustomer buyer = fixtures.customer("Late reader");
        String number = checkOut(buyer, "BANK_TRANSFER");

        instructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER",
                "New account: ICBC 6222 0000 1111, note {order}", null, true)), "test");

        Document page = orderPage(buyer, number);
        assertThat(page.select("#payment-instructions").text())
                .contains("New account: ICBC 6222 0000 1111, note " + number).doesNotContain("Bank of Suzhou");
        assertThat(page.select("#payment-qr")).isEmpty();

        Document chinese = Jsoup.parse(mvc.perform(get("/orders/" + number + "/confirmation")
                        .cookie(new Cookie("micromall_lang", "zh-CN")).with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(chinese.select("#payment-instructions").text()).contains("如何付款", "ICBC 6222 0000 1111");
    }

    @Test
    void aCancelledOrderNoLongerAsksForPayment() throws Exception {
        TestCustomer buyer = fixtures.customer("Changed mind");
        String number = checkOut(buyer, "BANK_TRANSFER");
        mvc.perform(post("/orders/" + number + "/cancel").with(user(buyer.principal())).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "order.flash.cancelled"));

        for (Document page : List.of(confirmation(buyer, number), orderPage(buyer, number))) {
            assertThat(page.select("#payment-instructions")).isEmpty();
            assertThat(page.select("main").text()).doesNotContain("Please transfer", "IBAN");
        }
    }

    @Test
    void anOrderPaidOnPlacementShowsNoPaymentInstructions() throws Exception {
        instructions.update(List.of(new PaymentInstructionsChange("CASH_ON_DELIVERY", "Cash only", null, false)),
                "test");
        TestCustomer buyer = fixtures.customer("Instant payer");
        String number = checkOut(buyer, "BANK_TRANSFER");
        // The demo's instant payment is not switched on in the tests: the order is put in the state it leaves.
        jdbc.sql("UPDATE shop_order SET payment_method = 'DEMO_INSTANT', status = 'PAID' WHERE number = :n")
                .param("n", number).update();

        Document confirmation = confirmation(buyer, number);
        assertThat(confirmation.select("#payment-instructions")).isEmpty();
        assertThat(confirmation.select("main").text()).contains("Your demo payment of").doesNotContain("IBAN", "Cash only");
        assertThat(orderPage(buyer, number).select("#payment-instructions")).isEmpty();
    }

    @Test
    void cashOnDeliveryShowsItsOwnInstructionsNotTheBankDetails() throws Exception {
        instructions.update(List.of(new PaymentInstructionsChange("CASH_ON_DELIVERY",
                "Please have exact change ready for order {order}.", null, false)), "test");
        TestCustomer buyer = fixtures.customer("Cash payer");
        String number = checkOut(buyer, "CASH_ON_DELIVERY");

        Document page = confirmation(buyer, number);
        assertThat(page.select("#payment-instructions").text())
                .contains("Please have exact change ready for order " + number + ".").doesNotContain("IBAN");
    }

    private Document confirmation(TestCustomer buyer, String number) throws Exception {
        return Jsoup.parse(mvc.perform(get("/orders/" + number + "/confirmation").with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private Document orderPage(TestCustomer buyer, String number) throws Exception {
        return Jsoup.parse(mvc.perform(get("/orders/" + number).with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String checkOut(TestCustomer buyer, String paymentMethod) throws Exception {
        long product = fixtures.product("Instructions tea", "12.00", 5);
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "1")
                .with(user(buyer.principal())).with(csrf())).andExpect(status().is3xxRedirection());
        Document checkout = Jsoup.parse(mvc.perform(get("/checkout").with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String location = mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                        .param("checkoutToken", checkout.selectFirst("input[name=checkoutToken]").val())
                        .param("paymentMethod", paymentMethod)
                        .param("recipient", buyer.name()).param("phone", "555").param("line1", "1 Road")
                        .param("city", "Suzhou").param("postalCode", "215000").param("country", "China"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).endsWith("/confirmation");
        return location.split("/")[2];
    }

    /** A tiny real PNG (the service checks the picture's first bytes). */
    static byte[] qrPng() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
