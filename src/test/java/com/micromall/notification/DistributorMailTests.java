package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.referral.DistributorEnrolment;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.WithdrawalPaid;
import com.micromall.distribution.WithdrawalRejected;
import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitation.FriendBenefit;
import com.micromall.order.OrderFixtures;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.shared.Money;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The distributor's mails: what a friend's order earned, what became withdrawable, a withdrawal paid or rejected,
 * the welcome with the share link. Each in the distributor's language, once per event, and never to the friend.
 */
class DistributorMailTests extends MailServerTests {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 100_000 + 500_000);

    @Autowired CustomerApi customers;
    @Autowired DistributorMails mails;
    @Autowired DistributionApi distribution;
    @Autowired DistributorEnrolment enrolment;
    @Autowired ReferralBindings bindings;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orders;
    @Autowired PasswordEncoder encoder;

    @Test
    void aFriendsCompletedOrderEarnsTheSharerAChineseMailAndTheFriendsOwnMailsNeverMentionIt() {
        long sharer = customer("王小明", "zh-CN");
        assertThat(enrolment.apply(sharer)).isEqualTo(DistributorEnrolment.ApplyOutcome.ACTIVE);
        String sharerCode = enrolment.find(sharer).orElseThrow().code();
        long friend = customer("Ben Friend", "en");
        jdbc.sql("UPDATE customer SET email_verified_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", friend).update();
        assertThat(bindings.bindLater(friend, sharerCode)).isEqualTo(ReferralBindings.BindingOutcome.BOUND);

        long kettle = new OrderFixtures(jdbc, encoder).product("Mail Kettle", "45.00", 10);
        carts.add(CartService.CartKey.customer(friend), kettle, 1);
        String number = checkout.place(new CheckoutService.PlaceOrder(friend, UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("Ben", "1", "1 Friend Street", null, "City", "200000", "CN"),
                PaymentMethod.BANK_TRANSFER));
        orders.confirmPayment(number, "owner@demo.micromall");
        orders.ship(number, "owner@demo.micromall", "parcel");
        orders.complete(number, "owner@demo.micromall");

        Mail earned = awaitMail(sharer, "好友的订单为您赚得");
        Money commission = distribution.balancesOf(sharer).frozen();
        assertThat(commission.isPositive()).isTrue();
        String amount = commission.format(Locale.SIMPLIFIED_CHINESE);
        assertThat(earned.subject()).contains(amount);
        assertThat(earned.html().selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(earned.html().text()).contains("王小明，您好", "您邀请的好友下的订单 " + number + " 已完成", amount, "可提现")
                .doesNotContain("Ben");
        assertThat(earned.text()).contains(amount, "https://shop.example/distribution");
        assertThat(awaitMail(sharer, "欢迎加入").html().select("a[href]").eachAttr("href"))
                .contains("https://shop.example/r/" + sharerCode);

        Mail completed = awaitMail(friend, "Order " + number + " is complete");
        Mail placed = awaitMail(friend, "Order " + number + " received");
        String friendsOwnLink = "https://shop.example/r/" + enrolment.find(friend).orElseThrow().code();
        for (Mail mail : List.of(placed, completed)) {
            assertThat(mail.html().select("#share a[href]").eachAttr("href")).containsExactly(friendsOwnLink);
            assertThat(mail.html().select("#share img").eachAttr("src")).containsExactly("cid:share-qr");
            assertThat(mail.inlineImages()).containsExactly("share-qr");
            assertThat(mail.html().text()).contains("Friends get 10 % off their first order");
        }
        assertThat(mailsTo(friend)).extracting(MailServerTests::read).allSatisfy(mail -> {
            assertThat(mail.subject()).doesNotContain("earned");
            assertThat(mail.html().text() + mail.text()).doesNotContain(sharerCode, "王小明", "earned you",
                    "commission", commission.format(Locale.ENGLISH));
        });
        assertThat(mailsTo(sharer)).extracting(MimeMessage::getSubject).as("nothing of the friend's order itself")
                .noneMatch(subject -> subject.contains("订单 " + number));
    }

    @Test
    void aPaidWithdrawalIsMailedOnceInTraditionalChineseWithItsReferenceEvenWhenTheEventComesTwice() {
        long distributor = customer("陳大文", "zh-TW");
        WithdrawalPaid paid = new WithdrawalPaid(IDS.incrementAndGet(), distributor, cny("100.00"), cny("2.00"),
                cny("98.00"), "ALIPAY", "ALI-2026-7781", Instant.now());

        publish(paid);
        Mail mail = awaitMailTo(distributor);
        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublicationsOf(paid::equals).isEmpty());
        publish(paid);
        await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublicationsOf(paid::equals).isEmpty());

        assertThat(mailsTo(distributor)).hasSize(1);
        assertThat(mail.subject()).contains("您的提領已支付：CN¥98.00");
        assertThat(mail.html().text()).contains("陳大文，您好", "提領金額", "CN¥100.00", "-CN¥2.00", "實際入帳", "CN¥98.00",
                "支付方式：支付寶", "付款參考號：ALI-2026-7781");
        assertThat(mail.text()).contains("ALI-2026-7781", "https://shop.example/distribution/withdrawals");
    }

    @Test
    void aRejectedWithdrawalIsMailedInFilipinoWithTheOwnersReason() {
        long distributor = customer("Maria Santos", "fil");

        publish(new WithdrawalRejected(IDS.incrementAndGet(), distributor, cny("50.00"),
                "Mali ang account number", Instant.now()));

        Mail mail = awaitMailTo(distributor);
        assertThat(mail.subject()).contains("Hindi nabayaran ang iyong withdrawal na CN¥50.00");
        assertThat(mail.html().text()).contains("Kumusta Maria Santos,", "Dahilan: Mali ang account number",
                "Mawi-withdraw mo ulit ang halaga");
    }

    @Test
    void commissionThatBecameWithdrawableIsMailedWithItsOrders() {
        long distributor = customer("Ada Available", "en");
        List<String> numbers = List.of("MM-A1", "MM-A2", "MM-A3", "MM-A4", "MM-A5", "MM-A6", "MM-A7");

        publish(new CommissionAvailable(distributor, cny("31.40"), 9, numbers, Instant.now(), RewardForm.CASH, List.of()));

        Mail mail = awaitMailTo(distributor);
        assertThat(mail.subject()).endsWith("CN¥31.40 is now withdrawable");
        assertThat(mail.html().text()).contains("Hello Ada Available,",
                "Orders: MM-A1, MM-A2, MM-A3, MM-A4, MM-A5 and 2 more", "View your withdrawals");
    }

    @Test
    void commissionThatIsAllOnHoldPromisesNothing() {
        long distributor = customer("Hal Held", "en");

        publish(new CommissionCredited(distributor, -IDS.incrementAndGet(), "MM-HELD", 1, cny("0.00"),
                cny("4.50"), Instant.now().plus(7, ChronoUnit.DAYS), Instant.now(), List.of(1L), RewardForm.CASH, BigDecimal.ZERO));
        CommissionCredited later = new CommissionCredited(distributor, -IDS.incrementAndGet(), "MM-LATER", 2,
                cny("1.20"), cny("0.00"), Instant.now().plus(7, ChronoUnit.DAYS), Instant.now(), List.of(2L), RewardForm.CASH, BigDecimal.ZERO);
        publish(later);

        Mail mail = awaitMailTo(distributor);
        assertThat(mail.subject()).contains("A friend's order earned you CN¥1.20");
        assertThat(mail.html().text()).contains("order MM-LATER, placed by someone a friend of yours invited");
    }

    @Test
    void everyDistributorMailRendersToSelfContainedHtmlThatFitsAPhoneAndADesktop() throws IOException {
        CustomerProfile english = customers.find(customer("Anna Lee", "en")).orElseThrow();
        CustomerProfile chinese = customers.find(customer("王小明", "zh-CN")).orElseThrow();
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        Map<String, RenderedMail> previews = new LinkedHashMap<>();
        for (CustomerProfile reader : List.of(english, chinese)) {
            String suffix = reader == english ? "" : "-zh_CN";
            previews.put("commission-credited" + suffix, mails.credited(new CommissionCredited(reader.id(), 1,
                    "MM-2612-4F7K", 1, cny("12.35"), cny("0.00"), now.plus(7, ChronoUnit.DAYS), now, List.of(1L), RewardForm.CASH, BigDecimal.ZERO),
                    reader));
            previews.put("commission-available" + suffix, mails.available(new CommissionAvailable(reader.id(),
                    cny("31.40"), 9, List.of("MM-2612-4F7K", "MM-2612-9QX2", "MM-2612-7TT1"), now, RewardForm.CASH, List.of()), reader));
            previews.put("withdrawal-paid" + suffix, mails.paid(new WithdrawalPaid(1, reader.id(), cny("100.00"),
                    cny("2.00"), cny("98.00"), "BANK", "BOC-20261204-000123", now), reader));
            previews.put("withdrawal-rejected" + suffix, mails.rejected(new WithdrawalRejected(1, reader.id(),
                    cny("50.00"), "The account number does not match the name", now), reader));
            previews.put("distributor-welcome" + suffix, mails.welcome(new ShareInvitation("756MKHG8", "/r/756MKHG8",
                    new FriendBenefit(new BigDecimal("10"), cny("20.00"), null)), reader));
        }

        assertThat(previews.get("distributor-welcome").html()).contains("https://shop.example/r/756MKHG8",
                "Friends get 10 % off their first order (up to CN¥20.00).");
        assertThat(previews.get("distributor-welcome-zh_CN").html()).contains("好友首单立减 10%（最多 ¥20.00）");
        assertThat(previews.get("commission-credited").html()).contains("It becomes withdrawable on Dec 11, 2026");
        lookAt(previews);
    }

    @Test
    void aPointsCommissionMailSaysItIsPaidAsPointsWithTheBonusAndNeverWithdrawableInEveryLanguage() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        Map<String, List<String>> pointsWords = Map.of("en", List.of("paid as points", "CN¥16.05", "30 %"),
                "zh-CN", List.of("以积分发放", "16.05", "30%"), "zh-TW", List.of("以點數發放", "16.05", "30%"),
                "fil", List.of("bilang puntos", "16.05", "30 %"));
        Map<String, String> withdrawable = Map.of("en", "withdrawable", "zh-CN", "可提现", "zh-TW", "可提領",
                "fil", "i-withdraw mula");
        Map<String, String> availableWords = Map.of("en", "yours as points", "zh-CN", "以积分发放", "zh-TW", "以點數發放",
                "fil", "bilang puntos");
        pointsWords.forEach((language, words) -> {
            CustomerProfile reader = customers.find(customer("Points Reader " + language, language)).orElseThrow();
            RenderedMail frozen = mails.credited(new CommissionCredited(reader.id(), 1, "MM-PTS-1", 1, cny("12.35"),
                    cny("0.00"), now.plus(7, ChronoUnit.DAYS), now, List.of(1L), RewardForm.POINTS,
                    new BigDecimal("30")), reader);
            RenderedMail availableNow = mails.credited(new CommissionCredited(reader.id(), 1, "MM-PTS-2", 1, cny("12.35"),
                    cny("0.00"), now, now, List.of(2L), RewardForm.POINTS, new BigDecimal("30")), reader);
            RenderedMail available = mails.available(new CommissionAvailable(reader.id(), cny("12.35"), 1,
                    List.of("MM-PTS-1"), now, RewardForm.POINTS,
                    List.of(new CommissionAvailable.Entry(1L, cny("12.35")))), reader);
            for (RenderedMail mail : List.of(frozen, availableNow)) {
                assertThat(mail.text()).as(language).contains(words);
                assertThat(org.jsoup.Jsoup.parse(mail.html()).text()).as(language).contains(words.get(0))
                        .doesNotContain(withdrawable.get(language));
            }
            assertThat(available.subject() + " " + available.text()).as(language)
                    .contains(availableWords.get(language)).doesNotContain(withdrawable.get(language));
        });
    }

    private Mail awaitMail(long customerId, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(customerId).stream()
                .anyMatch(message -> subjectOf(message).contains(subject)));
        return read(mailsTo(customerId).stream().filter(message -> subjectOf(message).contains(subject))
                .findFirst().orElseThrow());
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
