package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.customer.NewAddress;
import com.micromall.groupbuy.GroupBuying;
import com.micromall.groupbuy.GroupExpiredRefunded;
import com.micromall.groupbuy.GroupOfferTerms;
import com.micromall.groupbuy.GroupOffers;
import com.micromall.groupbuy.OnExpiry;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** A group that fills, and one that expired and was refunded, is a mail to each member in their own language. */
class GroupBuyMailTests extends MailServerTests {

    @Autowired PasswordEncoder encoder;
    @Autowired GroupOffers offers;
    @Autowired GroupBuying groupBuying;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    private List<MimeMessage> withSubject(long customerId, String ending) {
        return mailsTo(customerId).stream().filter(m -> {
            try {
                return m.getSubject().endsWith(ending);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static GroupBuying.Purchase purchase(TestCustomer buyer) {
        return new GroupBuying.Purchase(buyer.id(), UUID.randomUUID().toString(), null,
                new NewAddress(buyer.name(), "555", "1 Road", null, "Suzhou", "215000", "China"),
                PaymentMethod.BANK_TRANSFER);
    }

    @Test
    void aFullGroupMailsEveryMemberThatItIsCompleteInTheirLanguage() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        String name = OrderFixtures.unique("Mail honey");
        long product = orders.product(name, "100.00", 10);
        offers.save(new GroupOfferTerms(product, true, 2, Money.of(new BigDecimal("80.00"), Currency.getInstance("CNY")),
                24, OnExpiry.REFUND), "owner@test");
        TestCustomer anna = orders.customer("Anna");
        TestCustomer li = orders.customer("Li");
        jdbc.sql("UPDATE customer SET locale = 'zh-CN' WHERE id = :id").param("id", li.id()).update();

        long group = groupBuying.open(product, purchase(anna));
        groupBuying.join(group, purchase(li));

        String productName = orders.productName(product);
        await().atMost(Duration.ofSeconds(20)).until(() -> withSubject(anna.id(), "Your group for " + productName + " is complete").size() == 1
                && withSubject(li.id(), "您的「" + productName + "」拼团已成团").size() == 1);
        Mail mail = read(withSubject(li.id(), "您的「" + productName + "」拼团已成团").get(0));
        assertThat(mail.text()).contains("已满员").contains("/groups/" + group);
    }

    @Test
    void anExpiredRefundedGroupMailsTheRefundNamingTheProductInEachMembersLanguage() {
        OrderFixtures orders = new OrderFixtures(jdbc, encoder);
        TestCustomer ben = orders.customer("Ben");
        TestCustomer li = orders.customer("Li");
        jdbc.sql("UPDATE customer SET locale = 'zh-CN' WHERE id = :id").param("id", li.id()).update();
        long groupId = 900_000 + (System.nanoTime() % 100_000);

        transactions.executeWithoutResult(s -> events.publishEvent(new GroupExpiredRefunded(groupId, 1, "Tea box",
                Map.of("zh_CN", "茶礼盒"), List.of(ben.id(), li.id()), Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> withSubject(li.id(), "您的「茶礼盒」拼团已过期，已退款").size() == 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> withSubject(ben.id(), "Your group for Tea box expired: you are refunded").size() == 1);
        Mail mail = read(withSubject(ben.id(), "Your group for Tea box expired: you are refunded").get(0));
        assertThat(mail.text()).contains("did not fill in time").contains("refunded in full");
    }
}
