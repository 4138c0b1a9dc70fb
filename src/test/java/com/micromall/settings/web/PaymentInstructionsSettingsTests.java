package com.micromall.settings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.settings.AuditLog;
import com.micromall.settings.PaymentInstructions;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.support.MicromallTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The payment instructions part of the owner's settings page. Rolled back after each test. */
@MicromallTest
@Transactional
class PaymentInstructionsSettingsTests {

    private static final String OWNER = "owner@demo.micromall";
    private static final String BANK = "Bank of Suzhou\nHolder: Anna Lee\nIBAN CN12 3456 7890\nPlease put {order} in the transfer note.";

    @Autowired MockMvc mvc;
    @Autowired PaymentInstructionsService instructions;
    @Autowired AuditLog auditLog;

    @Test
    void theOwnerSavesTextAndQrPerManualMethodAndEveryoneMayLoadTheQr() throws Exception {
        byte[] png = png();
        mvc.perform(save(BANK.replace("\n", "\r\n"), "  ", new MockMultipartFile("methods[0].qrImage", "qr.png",
                        "image/png", png)))
                .andExpect(redirectedUrl("/admin/settings#payment-instructions"))
                .andExpect(flash().attribute("flashSuccess", "payinfo.saved"));

        PaymentInstructions bank = instructions.forMethod("BANK_TRANSFER").orElseThrow();
        assertThat(bank.text()).isEqualTo(BANK);
        assertThat(bank.textFor("MM-261204-ABC123")).contains("Please put MM-261204-ABC123 in the transfer note.");
        assertThat(bank.hasQr()).isTrue();
        assertThat(instructions.forMethod("CASH_ON_DELIVERY")).as("a blank text and no picture is no instructions")
                .isEmpty();

        MockHttpServletResponse qr = mvc.perform(get(bank.qrPath())).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(qr.getContentType()).isEqualTo("image/png");
        assertThat(qr.getContentAsByteArray()).isEqualTo(png);

        Document page = settingsPage();
        assertThat(page.select("textarea[name='methods[0].text']").val()).isEqualTo(BANK);
        assertThat(page.select("input[name='methods[1].method']").val()).isEqualTo("CASH_ON_DELIVERY");
        assertThat(page.select("#payment-form img").attr("src")).isEqualTo(bank.qrPath());
        List<AuditLog.Entry> byOwner = auditLog.latest(20).stream()
                .filter(entry -> entry.actor().equals(OWNER) && entry.action().equals("settings.payment")).toList();
        assertThat(byOwner).extracting(AuditLog.Entry::subject)
                .containsExactlyInAnyOrder("BANK_TRANSFER.text", "BANK_TRANSFER.qrImage");
        assertThat(byOwner).filteredOn(entry -> entry.subject().equals("BANK_TRANSFER.qrImage"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("settings.payment");
                    assertThat(entry.oldValue()).isNull();
                    assertThat(entry.newValue()).startsWith("image/png, " + png.length + " bytes");
                });

        mvc.perform(save(BANK, "", null).param("methods[0].removeQr", "true"))
                .andExpect(redirectedUrl("/admin/settings#payment-instructions"));
        assertThat(instructions.forMethod("BANK_TRANSFER").orElseThrow().hasQr()).isFalse();
        mvc.perform(get(bank.qrPath())).andExpect(status().isNotFound());
    }

    @Test
    void tooLongTextAndAPictureThatIsNotPngOrJpegAreShownAgainWithTheirMessages() throws Exception {
        String tooLong = "x".repeat(PaymentInstructions.MAX_TEXT_LENGTH + 1);
        byte[] gif = "GIF89a not a payment code".getBytes();

        Document page = Jsoup.parse(mvc.perform(save(tooLong, "Pay the courier in cash.",
                        new MockMultipartFile("methods[1].qrImage", "qr.gif", "image/png", gif)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("textarea[name='methods[0].text'] ~ .invalid-feedback").text())
                .isEqualTo("Please keep the instructions to at most 2,000 characters.");
        assertThat(page.select("input[name='methods[1].qrImage'] ~ .invalid-feedback").text())
                .isEqualTo("The QR code must be a PNG or JPEG picture.");
        assertThat(page.select("textarea[name='methods[0].text']").val()).isEqualTo(tooLong);
        assertThat(page.select("textarea[name='methods[1].text']").val()).isEqualTo("Pay the courier in cash.");
        assertThat(page.select("#shopName").val()).as("the shop settings form is still there").isNotBlank();
        assertThat(instructions.forMethod("BANK_TRANSFER")).isEmpty();
        assertThat(instructions.forMethod("CASH_ON_DELIVERY")).as("nothing is saved while any field is wrong").isEmpty();
    }

    @Test
    void aQrPictureOverOneMegabyteIsRefused() throws Exception {
        byte[] big = Arrays.copyOf(png(), PaymentInstructions.MAX_QR_BYTES + 1);

        Document page = Jsoup.parse(mvc.perform(save("Transfer to IBAN CN12", "",
                        new MockMultipartFile("methods[0].qrImage", "qr.png", "image/png", big)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("input[name='methods[0].qrImage'] ~ .invalid-feedback").text())
                .isEqualTo("The QR code picture may be at most 1 MB.");
        assertThat(instructions.forMethod("BANK_TRANSFER")).isEmpty();
    }

    @Test
    void aMethodThatIsNotAManualPaymentMethodIsRefused() throws Exception {
        Document page = Jsoup.parse(mvc.perform(multipart("/admin/settings/payment").with(csrf())
                        .with(user(OWNER).roles("OWNER"))
                        .param("methods[0].method", "DEMO_INSTANT").param("methods[0].text", "Free money"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#payment-form .alert-danger").text()).contains("does not take instructions");
    }

    @Test
    void customersCannotChangeThePaymentInstructions() throws Exception {
        mvc.perform(multipart("/admin/settings/payment").with(csrf()).with(user("buyer@example.com").roles("CUSTOMER"))
                        .param("methods[0].method", "BANK_TRANSFER").param("methods[0].text", "Pay me instead"))
                .andExpect(status().isForbidden());
        assertThat(instructions.forMethod("BANK_TRANSFER")).isEmpty();
    }

    private Document settingsPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/settings").with(user(OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static MockMultipartHttpServletRequestBuilder save(String bankText, String cashText,
                                                               MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder request = multipart("/admin/settings/payment");
        if (file != null) {
            request.file(file);
        }
        request.with(csrf()).with(user(OWNER).roles("OWNER"))
                .param("methods[0].method", "BANK_TRANSFER").param("methods[0].text", bankText)
                .param("methods[1].method", "CASH_ON_DELIVERY").param("methods[1].text", cashText);
        return request;
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, ((x / 8 + y / 8) % 2 == 0) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
