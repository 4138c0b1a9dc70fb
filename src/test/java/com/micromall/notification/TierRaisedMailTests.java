package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.distribution.policy.DistributorTiers;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Moving up a tier, through real orders and crediting, is one mail to the sharer in their own language. */
class TierRaisedMailTests extends MailServerTests {

    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributorTiers tiers;
    @Autowired DistributionSettingsService settings;

    LedgerFixtures fixtures;
    DistributionSettings original;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
        original = settings.current();
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(
                new DistributorTiers.TierDraft("Pilak", BigDecimal.ONE, new BigDecimal("12"), null),
                new DistributorTiers.TierDraft("Ginto", new BigDecimal("5"), new BigDecimal("15"), null)), "test");
    }

    @AfterEach
    void restore() {
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(), "test");
        settings.update(original, "test");
    }

    @Test
    void movingUpSendsOneMailInTheSharersLanguage() {
        TestCustomer maria = fixtures.distributor(OrderFixtures.unique("Maria Santos"));
        jdbc.sql("UPDATE customer SET locale = 'fil' WHERE id = :id").param("id", maria.id()).update();
        long tea = fixtures.orders.product(OrderFixtures.unique("Tier Mail Tea"), "20.00", 10);

        for (int i = 0; i < 2; i++) {
            TestCustomer friend = fixtures.referredBy(maria, OrderFixtures.unique("Tier Mail Friend"));
            fixtures.complete(fixtures.place(friend, tea, 1));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(maria.id(), "Ikaw ay Pilak na ngayon").isEmpty());
        // The second friend's first order keeps Maria in Pilak: nothing more to announce. Crediting mails for both
        // orders arriving shows the second completion was heard.
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(maria.id()).size() >= 3);
        List<MimeMessage> tierMails = mailsTo(maria.id(), "Ikaw ay Pilak na ngayon");
        assertThat(tierMails).hasSize(1);
        Mail mail = read(tierMails.get(0));
        assertThat(mail.text()).contains("umakyat ka sa Pilak").contains("12 %");
        assertThat(mail.html().text()).contains("Kumikita ka ng 12 %");
    }
}
