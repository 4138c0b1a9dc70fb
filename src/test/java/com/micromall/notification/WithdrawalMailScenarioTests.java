package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.Role;
import com.micromall.distribution.WithdrawalPaid;
import com.micromall.distribution.ShareInvitations;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notification module on its own (the modules it asks stand in as mocks): a withdrawal paid in distribution
 * becomes one mail in the distributor's language.
 */
@ApplicationModuleTest
// Only notification's part of the application (and its migrations) boots here: a database of its own keeps that
// partial Flyway history out of the shared test database.
@TestPropertySource(properties = "micromall.test.separate-database=notification")
class WithdrawalMailScenarioTests {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("micromall.base-url", () -> "https://shop.example/");
    }

    @MockitoBean CustomerApi customers;
    @MockitoBean ShopSettingsService shopSettings;
    @MockitoBean PaymentInstructionsService paymentInstructions;
    @MockitoBean ShareInvitations invitations;
    @MockitoBean com.micromall.settings.ShopTime shopTime;

    @Test
    void aPaidWithdrawalBecomesOneMailInTheDistributorsLanguage(Scenario scenario) {
        CustomerProfile wang = new CustomerProfile(41, "王小明", "wang-scenario@example.com", null, null,
                Role.CUSTOMER, Locale.SIMPLIFIED_CHINESE, Instant.now());
        given(customers.find(41)).willReturn(Optional.of(wang));
        given(shopSettings.current()).willReturn(new ShopSettings("Micromall", java.util.Currency.getInstance("CNY"),
                null, null, Money.of("10.00", "CNY"), null));

        scenario.publish(new WithdrawalPaid(7, 41, Money.of("100.00", "CNY"), Money.of("2.00", "CNY"),
                        Money.of("98.00", "CNY"), "WECHAT", "WX-7781", Instant.now()))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> List.of(smtp.getReceivedMessages()), mails -> !mails.isEmpty())
                .andVerify(mails -> {
                    assertThat(mails).singleElement().satisfies(mail -> {
                        assertThat(subject(mail)).isEqualTo("Micromall · 您的提现已支付：¥98.00");
                        assertThat(GreenMailUtil.getBody(mail)).contains("WX-7781");
                    });
                });
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
