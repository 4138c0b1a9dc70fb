package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.ShareInvitations;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPaid;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.OrderShipped;
import com.micromall.order.PaymentMethod;
import com.micromall.order.RefundedLine;
import com.micromall.settings.PaymentInstructionsChange;
import com.micromall.settings.PaymentInstructionsService;
import com.micromall.settings.ShopSettings;
import com.micromall.settings.ShopSettingsChange;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.EventPublicationJobs;
import com.micromall.shared.Money;
import jakarta.mail.Part;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Order e-mails through a real SMTP conversation with GreenMail: who gets what, in which
 * language, and what happens when the mail server is down.
 */
class OrderMailTests extends MailServerTests {

    private static final AtomicLong ORDER_SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000);

    /**
     * The orders here exist only in their events, which every module hears (distribution keeps a commission
     * snapshot by order id): a negative id, new for each test, is nobody's real order.
     */
    private final long orderId = -ORDER_SEQUENCE.incrementAndGet();

    @Autowired
    ShopSettingsService shopSettings;

    @Autowired
    EventPublicationJobs publicationJobs;

    @Autowired
    OrderMails orderMails;

    @Autowired
    PaymentInstructionsService paymentInstructions;

    @Autowired
    CustomerMailer mailer;

    @Autowired
    CustomerApi customers;

    @Autowired
    ShareInvitations invitations;

    @Test
    void mailPartsUseAngusMailsStreamProviderNamedUpFrontNotSearchedForEachPart() {
        assertThat(System.getProperty(jakarta.mail.util.StreamProvider.class.getName()))
                .isEqualTo(CustomerMailer.STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(CustomerMailer.STREAM_PROVIDER);
    }

    @Test
    void orderConfirmationListsLinesTotalsAndBankTransferInstructionsWithTheShopsContact() {
        long customerId = customer("Anna Lee", "en");
        String number = orderNumber();
        ShopSettings before = shopSettings.current();
        shopSettings.update(new ShopSettingsChange(before.shopName(), before.currency(), "pay@anna.example",
                "+86 21 5555 0101", before.shippingFee().amount(), before.chosenTimeZone()), "test");
        try {
            publish(placed(number, customerId, PaymentMethod.BANK_TRANSFER));

            Mail mail = awaitMailTo(customerId);
            assertThat(mail.subject()).startsWith(before.shopName()).contains(number);
            assertThat(mail.from()).isEqualTo("no-reply@micromall.local");
            assertThat(mail.html().text()).contains("Hello Anna Lee,", "Rose hand cream", "Lavender soap",
                    "2 × " + cny("12.50").format(Locale.ENGLISH), cny("25.00").format(Locale.ENGLISH),
                    "-" + cny("5.00").format(Locale.ENGLISH), cny("10.00").format(Locale.ENGLISH),
                    cny("38.00").format(Locale.ENGLISH), "bank transfer", number,
                    "pay@anna.example", "+86 21 5555 0101");
            assertThat(mail.html().select("a[href]").eachAttr("href"))
                    .containsExactlyInAnyOrder("https://shop.example/orders/" + number, shareLinkOf(customerId));
            assertThat(mail.text()).contains("Rose hand cream", cny("38.00").format(Locale.ENGLISH),
                    "https://shop.example/orders/" + number, "pay@anna.example");
        } finally {
            shopSettings.update(new ShopSettingsChange(before.shopName(), before.currency(), before.contactEmail(),
                    before.contactPhone(), before.shippingFee().amount(), before.chosenTimeZone()), "test");
        }
    }

    @Test
    void aBankTransferConfirmationCarriesTheOwnersPaymentInstructionsWithTheOrderNumber() throws Exception {
        long customerId = customer("Tom Transfer", "en");
        String number = orderNumber();
        paymentInstructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER",
                "Bank of Suzhou, IBAN CN12 3456 7890\nPlease put {order} in the transfer note.", qrPng(), false)),
                "test");
        try {
            String qrPath = paymentInstructions.forMethod("BANK_TRANSFER").orElseThrow().qrPath();
            publish(placed(number, customerId, PaymentMethod.BANK_TRANSFER));

            Mail mail = awaitMailTo(customerId);
            assertThat(mail.html().text()).contains("How to pay", "IBAN CN12 3456 7890",
                    "Please put " + number + " in the transfer note.").doesNotContain("{order}");
            assertThat(mail.html().select("img").eachAttr("src")).contains("https://shop.example" + qrPath);
            assertThat(mail.text()).contains("IBAN CN12 3456 7890", "Please put " + number + " in the transfer note.",
                    "https://shop.example" + qrPath);
        } finally {
            paymentInstructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER", null, null, true)), "test");
        }
    }

    @Test
    void anOrderPaidOnPlacementGetsNoPaymentInstructions() {
        long customerId = customer("Dana Demo", "en");
        String number = orderNumber();
        paymentInstructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER", "IBAN CN12 3456 7890",
                null, false)), "test");
        try {
            publish(placed(number, customerId, PaymentMethod.DEMO_INSTANT));

            Mail mail = awaitMailTo(customerId);
            assertThat(mail.html().text()).contains("Paid with the demo payment").doesNotContain("How to pay", "IBAN");
            assertThat(mail.text()).doesNotContain("IBAN");
        } finally {
            paymentInstructions.update(List.of(new PaymentInstructionsChange("BANK_TRANSFER", null, null, true)), "test");
        }
    }

    @Test
    void aSimplifiedChineseCustomerGetsAChineseConfirmationWithYuanAmounts() {
        long customerId = customer("王小明", "zh-CN");
        String number = orderNumber();

        publish(placed(number, customerId, PaymentMethod.CASH_ON_DELIVERY));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.subject()).contains("已收到订单 " + number);
        assertThat(mail.html().text()).contains("王小明，您好", "合计", "¥38.00", "2 × ¥12.50", "现金")
                .doesNotContain("CN¥", "Total");
        assertThat(mail.html().selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(mail.text()).contains("¥38.00", "查看订单");
    }

    @Test
    void paymentReceivedMailNamesTheOrder() {
        long customerId = customer("Paula Paid", "en");
        String number = orderNumber();

        publish(new OrderPaid(orderId, number, customerId, Instant.now()));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.subject()).endsWith("Payment received for order " + number);
        assertThat(mail.html().text()).contains("We have received your payment for order " + number);
    }

    @Test
    void shippedMailCarriesTheTrackingNoteInTraditionalChinese() {
        long customerId = customer("陳大文", "zh-TW");
        String number = orderNumber();

        publish(new OrderShipped(orderId, number, customerId, Instant.now(), "SF Express SF1234567890"));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.subject()).contains("訂單 " + number + " 已出貨");
        assertThat(mail.html().text()).contains("物流資訊：SF Express SF1234567890", "查看訂單");
        assertThat(mail.text()).contains("SF1234567890");
    }

    @Test
    void completedMailIsInFilipinoForAFilipinoCustomer() {
        long customerId = customer("Maria Santos", "fil");
        String number = orderNumber();

        publish(new OrderCompleted(orderId, number, customerId, Instant.now(), List.of(line(1, "Rose hand cream", 1))));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.subject()).contains("Kumpleto na ang order " + number);
        assertThat(mail.html().text()).contains("Kumusta Maria Santos,", "Tingnan ang iyong order");
    }

    @Test
    void cancelledMailExplainsTheReason() {
        long customerId = customer("Carl Cancel", "en");
        String number = orderNumber();

        publish(new OrderCancelled(orderId, number, customerId, Instant.now(), OrderCancelled.CancelReason.PAYMENT_TIMEOUT));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.subject()).contains("Order " + number + " was cancelled");
        assertThat(mail.html().text()).contains("We did not receive the payment in time",
                "You do not need to pay anything");
    }

    @Test
    void partialRefundMailShowsTheRefundedAmountAndReason() {
        long customerId = customer("Rita Refund", "en");
        String number = orderNumber();

        publish(new OrderRefunded(orderId, number, customerId, Instant.now(),
                List.of(new RefundedLine(11, 101, 1, cny("11.67"))), cny("11.67"), false, "Broken on arrival"));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.subject()).contains("Refund for order " + number);
        assertThat(mail.html().text()).contains("Part of order " + number + " has been refunded",
                cny("11.67").format(Locale.ENGLISH), "Reason: Broken on arrival")
                .doesNotContain("in full");
    }

    @Test
    void fullRefundMailSaysSoInChinese() {
        long customerId = customer("李雷", "zh-CN");
        String number = orderNumber();

        publish(new OrderRefunded(orderId, number, customerId, Instant.now(),
                List.of(new RefundedLine(11, 101, 2, cny("20.00")), new RefundedLine(12, 102, 1, cny("18.00"))),
                cny("38.00"), true, "缺货"));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.html().text()).contains("订单 " + number + " 已全额退款", "¥38.00", "退款件数 3", "原因：缺货");
    }

    @Test
    void aCustomerNameWithMarkupIsEscapedInTheHtmlMail() {
        long customerId = customer("<script>alert('x')</script><b>Eve</b>", "en");
        String number = orderNumber();

        publish(new OrderPaid(orderId, number, customerId, Instant.now()));

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.rawHtml()).contains("&lt;script&gt;").doesNotContain("<script", "<b>Eve");
        assertThat(mail.html().select("script, b")).isEmpty();
        assertThat(mail.html().text()).contains("Hello <script>alert('x')</script><b>Eve</b>,");
    }

    @Test
    void whenTheMailServerIsDownCheckoutIsUnharmedAndTheRetryJobDeliversTheMailExactlyOnce() throws Exception {
        long customerId = customer("Dora Down", "en");
        String number = orderNumber();
        smtp.stop();
        try {
            assertThatNoException().as("the publisher's transaction never sees the mail failure")
                    .isThrownBy(() -> publish(new OrderPaid(orderId, number, customerId, Instant.now())));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(orderMailPublications(EventPublication.Status.FAILED, number)).hasSize(1));
        } finally {
            smtp.start();
        }
        assertThat(mailsTo(customerId)).isEmpty();

        publicationJobs.resubmitIncompletePublications();

        Mail mail = awaitMailTo(customerId);
        assertThat(mail.subject()).contains(number);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(incompleteOrderMails(number)).isEmpty());
        assertThat(sentMail(number, "order-paid").get("sent_at")).as("the failed send gave its claim up").isNotNull();
        publicationJobs.resubmitIncompletePublications();
        Thread.sleep(500);
        assertThat(mailsTo(customerId)).as("a completed publication is not sent again").hasSize(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anUnreachableMailServerIsLoggedOnceForAllItsUnsentMailsAndOnceWhenItAnswersAgain(CapturedOutput output)
            throws Exception {
        long customerId = customer("Otto Outage", "en");
        String before = orderNumber();
        publish(new OrderPaid(-ORDER_SEQUENCE.incrementAndGet(), before, customerId, Instant.now()));
        awaitMailTo(customerId);
        List<String> numbers = List.of(orderNumber(), orderNumber(), orderNumber(), orderNumber());
        smtp.stop();
        try {
            for (String number : numbers) {
                publish(new OrderPaid(-ORDER_SEQUENCE.incrementAndGet(), number, customerId, Instant.now()));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(numbers)
                    .allSatisfy(number -> assertThat(orderMailPublications(EventPublication.Status.FAILED, number)).hasSize(1)));
        } finally {
            smtp.start();
        }
        String address = "127.0.0.1:" + SMTP_PORT;
        assertThat(linesOf(output, "No mail server at " + address + ": mails wait in the outbox and are sent when"
                + " one answers")).as("one line for the whole outage").hasSize(1);
        // Only this customer's mails: another test's mail caught mid-send by the stop may log its own failure.
        assertThat(linesOf(output, "Could not send")).filteredOn(line -> line.contains("to customer " + customerId + " "))
                .isEmpty();
        assertThat(linesOf(output, "OrderMailListener.sendPaymentReceived failed")).isEmpty();
        assertThat(linesOf(output, "answers again")).isEmpty();

        publicationJobs.resubmitIncompletePublications();

        // A restarted GreenMail starts with an empty inbox: these are the mails that waited.
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(customerId).size() == numbers.size());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(numbers)
                .allSatisfy(number -> assertThat(incompleteOrderMails(number)).isEmpty()));
        assertThat(linesOf(output, "Mail server at " + address + " answers again")).hasSize(1);
        assertThat(linesOf(output, "No mail server at")).hasSize(1);
    }

    private static List<String> linesOf(CapturedOutput output, String containing) {
        return output.getAll().lines().filter(line -> line.contains(containing)).toList();
    }

    @Test
    void theSameEventDeliveredAgainAfterItsMailWentOutSendsNoSecondMail() {
        long customerId = customer("Sam Twice", "en");
        String number = orderNumber();
        OrderShipped event = new OrderShipped(orderId, number, customerId, Instant.now(), "SF1234567890");

        publish(event);
        awaitMailTo(customerId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(incompleteOrderMails(number)).isEmpty());
        // What a second instance's restart does with a publication this one is still delivering: deliver it again.
        publish(event);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(incompleteOrderMails(number)).isEmpty());

        assertThat(mailsTo(customerId)).hasSize(1);
        assertThat(sentMail(number, "order-shipped")).satisfies(row -> {
            assertThat(row.get("recipient")).isEqualTo(emailOf(customerId));
            assertThat((String) row.get("subject")).contains(number);
            assertThat(row.get("sent_at")).isNotNull();
        });
    }

    @Test
    void twoDeliveriesOfTheSameMailAtTheSameMomentSendItOnce() throws Exception {
        long customerId = customer("Tia Together", "en");
        String number = orderNumber();
        CustomerProfile customer = customers.find(customerId).orElseThrow();
        RenderedMail mail = orderMails.paid(new OrderPaid(orderId, number, customerId, Instant.now()), customer);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        mailer.sendOnce(number, "order-paid", customer, mail);
                        return "done";
                    } catch (MailNotSentException e) {
                        return "left for the retry";
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).contains("done");
        } finally {
            threads.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(customerId).isEmpty());

        // A delivery that found the other one sending is retried later: it finds the mail sent.
        mailer.sendOnce(number, "order-paid", customer, mail);

        assertThat(mailsTo(customerId)).hasSize(1);
        assertThat(sentMail(number, "order-paid").get("sent_at")).isNotNull();
    }

    @Test
    void everyMailTemplateRendersToSelfContainedHtmlThatFitsAPhoneAndADesktop() throws IOException {
        CustomerProfile reader = customers.find(customer("Anna Lee", "en")).orElseThrow();
        CustomerProfile chineseReader = customers.find(customer("王小明", "zh-CN")).orElseThrow();
        String number = "MM-2611-4F7K";
        Map<String, RenderedMail> previews = new LinkedHashMap<>();
        ShopSettings before = shopSettings.current();
        shopSettings.update(new ShopSettingsChange(before.shopName(), before.currency(), "hello@micromall.example",
                "+86 21 5555 0101", before.shippingFee().amount(), before.chosenTimeZone()), "test");
        try {
            previews.put("order-placed", orderMails.placed(placed(number, 1, PaymentMethod.BANK_TRANSFER), reader));
            previews.put("order-placed-zh_CN",
                    orderMails.placed(placed(number, 2, PaymentMethod.BANK_TRANSFER), chineseReader));
        } finally {
            shopSettings.update(new ShopSettingsChange(before.shopName(), before.currency(), before.contactEmail(),
                    before.contactPhone(), before.shippingFee().amount(), before.chosenTimeZone()), "test");
        }
        previews.put("order-placed-no-contact",
                orderMails.placed(placed(number, 1, PaymentMethod.BANK_TRANSFER), reader));
        previews.put("order-paid", orderMails.paid(new OrderPaid(orderId, number, 1, Instant.now()), reader));
        previews.put("order-shipped", orderMails.shipped(
                new OrderShipped(orderId, number, 1, Instant.now(), "SF Express SF1234567890"), reader));
        previews.put("order-completed", orderMails.completed(
                new OrderCompleted(orderId, number, 1, Instant.now(), List.of()), reader));
        previews.put("order-cancelled", orderMails.cancelled(
                new OrderCancelled(orderId, number, 1, Instant.now(), OrderCancelled.CancelReason.CUSTOMER), reader));
        previews.put("order-refunded", orderMails.refunded(new OrderRefunded(orderId, number, 1, Instant.now(),
                List.of(new RefundedLine(11, 101, 1, cny("11.67"))), cny("11.67"), false, "Broken on arrival"),
                reader));

        assertThat(previews.get("order-placed").html()).contains("hello@micromall.example");
        assertThat(previews.get("order-placed-no-contact").html())
                .as("without the shop's contact the buyer is told the bank details follow")
                .contains("The shop will send you the bank details");

        assertThat(previews.get("order-completed").images()).as("the buyer's own QR code, inside the mail")
                .extracting(RenderedMail.InlineImage::contentId).containsExactly(ShareSection.QR_CONTENT_ID);

        previews.values().forEach(mail -> assertThat(Jsoup.parse(mail.html()).text()).contains(number));
        lookAt(previews);
    }

    /** The customer's own share link, as distribution gives it. */
    private String shareLinkOf(long customerId) {
        return "https://shop.example" + invitations.invitationOf(customerId).orElseThrow().sharePath();
    }

    // ---- helpers ----

    private OrderPlaced placed(String number, long customerId, PaymentMethod paymentMethod) {
        return new OrderPlaced(orderId, number, customerId, Instant.now(),
                List.of(line(11, "Rose hand cream", 2), new OrderLineSnapshot(12, 102, "Lavender soap", 1,
                        cny("18.00"), cny("18.00"), cny("16.67"))),
                cny("43.00"), cny("5.00"), cny("10.00"), cny("48.00").minus(cny("10.00")), paymentMethod);
    }

    /** A tiny real PNG (the settings check the picture's first bytes). */
    private static byte[] qrPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static OrderLineSnapshot line(long lineId, String name, int quantity) {
        Money unit = cny("12.50");
        return new OrderLineSnapshot(lineId, 101, name, quantity, unit, unit.times(quantity), unit.times(quantity));
    }

    private static String orderNumber() {
        return "MT-" + ORDER_SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    /** The order mail listener's publications of this order's events, in that state. */
    private List<TargetEventPublication> orderMailPublications(EventPublication.Status status, String orderNumber) {
        return publicationsOf(status, event -> orderNumber.equals(orderNumberOf(event))).stream()
                .filter(p -> p.getTargetIdentifier().getValue().contains("OrderMailListener")).toList();
    }

    /** The order mail listener's publications of this order's events not delivered yet. */
    private List<TargetEventPublication> incompleteOrderMails(String orderNumber) {
        return incompletePublicationsOf(event -> orderNumber.equals(orderNumberOf(event))).stream()
                .filter(p -> p.getTargetIdentifier().getValue().contains("OrderMailListener")).toList();
    }

    private static String orderNumberOf(Object event) {
        if (event instanceof OrderPaid paid) {
            return paid.orderNumber();
        }
        return event instanceof OrderShipped shipped ? shipped.orderNumber() : null;
    }

    private Map<String, Object> sentMail(String eventKey, String kind) {
        return jdbc.sql("SELECT recipient, subject, sent_at FROM sent_mail WHERE event_key = :key AND kind = :kind")
                .param("key", eventKey).param("kind", kind).query().singleRow();
    }
}
