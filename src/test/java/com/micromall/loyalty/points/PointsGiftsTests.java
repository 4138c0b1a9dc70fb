package com.micromall.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.micromall.customer.NewAddress;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import com.micromall.support.Outbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Gifts for points through real orders on PostgreSQL: a gift is an order whose goods points pay in full, stock taken as
 * for a sale; never two orders for one form or for points enough for one; points given back once on cancel or refund;
 * nothing earned on it; the points books still balance.
 */
@MicromallTest
class PointsGiftsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired PointsBook book;
    @Autowired PointsGifts gifts;
    @Autowired PointsSettingsService pointsSettings;
    @Autowired ShopSettingsService shopSettings;
    @Autowired Outbox outbox;

    @AutoClose PointsFixtures points;
    OrderFixtures orders;
    LedgerFixtures ledger;

    @BeforeEach
    void setUp() {
        points = new PointsFixtures(jdbc, encoder, book, pointsSettings, carts).on("1", 100, "0.01", "50", 0);
        orders = points.orders;
        ledger = new LedgerFixtures(orders, jdbc, carts, checkout, orderService);
    }

    private long gift(String price, int stock, long points) {
        long product = orders.product(OrderFixtures.unique("Gift Mug"), price, stock);
        gifts.set(product, points, true, "test");
        return product;
    }

    private PointsGifts.Request request(TestCustomer buyer, long product, long points, String token) {
        return new PointsGifts.Request(buyer.id(), token, product, points, null,
                new NewAddress("R", "555", "1 Gift Road", null, "Suzhou", "215000", "China"), PaymentMethod.BANK_TRANSFER);
    }

    private PointsGifts.Outcome redeem(TestCustomer buyer, long product, long points) {
        return gifts.redeem(request(buyer, product, points, UUID.randomUUID().toString()));
    }

    private List<String> entriesOf(TestCustomer customer) {
        return jdbc.sql("SELECT kind, source, points FROM loyalty_points_entry WHERE customer_id = :c ORDER BY id")
                .param("c", customer.id())
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list();
    }

    /** Waits until the points listeners have heard the order's events (their publications completed). */
    private void settled(String number) {
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.incomplete(Object.class, e -> Outbox.aboutOrder(e, number))
                .stream().noneMatch(p -> Outbox.forListener(p, PointsEarning.class.getName())));
    }

    @Test
    void aGiftIsAnOrderWhoseGoodsPointsPayInFullWithStockTakenAsForASale() {
        TestCustomer buyer = points.customerWith("Gift Buyer", 700);
        long product = gift("40.00", 3, 500);

        PointsGifts.Outcome outcome = redeem(buyer, product, 500);

        assertThat(outcome.messageKey()).isNull();
        long order = points.orderId(outcome.orderNumber());
        assertThat(jdbc.sql("SELECT source, amount FROM order_discount WHERE order_id = :o").param("o", order)
                .query((rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString()).list())
                .containsExactly("points-gift 40.00");
        assertThat(jdbc.sql("SELECT paid_amount FROM order_line WHERE order_id = :o").param("o", order)
                .query(BigDecimal.class).single()).isEqualByComparingTo("0");
        BigDecimal shipping = shopSettings.current().shippingFee().amount();
        assertThat(jdbc.sql("SELECT total FROM shop_order WHERE id = :o").param("o", order).query(BigDecimal.class).single())
                .as("only shipping is left to pay").isEqualByComparingTo(shipping);
        assertThat(orders.stock(product)).isEqualTo(2);
        assertThat(book.availableOf(buyer.id())).isEqualTo(200);
        assertThat(entriesOf(buyer)).endsWith("SPENT gift -500");
        assertThat(book.isGiftOrder(order)).isTrue();
    }

    @Test
    void tooFewPointsOrNoStockPlaceNothingAndTakeNothing() {
        TestCustomer buyer = points.customerWith("Gift Short", 450);
        long dear = gift("40.00", 3, 500);
        long soldOut = gift("10.00", 0, 100);

        PointsGifts.Outcome tooFew = redeem(buyer, dear, 500);
        PointsGifts.Outcome noStock = redeem(buyer, soldOut, 100);

        assertThat(tooFew.messageKey()).isEqualTo("loyalty.points.gift.needMore");
        assertThat(tooFew.args()).containsExactly(50L);
        assertThat(noStock.messageKey()).isEqualTo("order.checkout.outOfStock");
        assertThat(points.ordersOf(buyer)).isZero();
        assertThat(book.availableOf(buyer.id())).isEqualTo(450);
        assertThat(orders.stock(dear)).isEqualTo(3);
    }

    @Test
    void aGiftSwitchedOffOrRepricedSinceTheFormWasShownIsRefused() {
        TestCustomer buyer = points.customerWith("Gift Late", 1000);
        long product = gift("20.00", 3, 300);
        gifts.set(product, 400, true, "test");

        assertThat(redeem(buyer, product, 300).messageKey()).isEqualTo("loyalty.points.gift.priceChanged");
        gifts.set(product, 400, false, "test");
        assertThat(redeem(buyer, product, 400).messageKey()).isEqualTo("loyalty.points.gift.notOffered");
        assertThat(points.ordersOf(buyer)).isZero();
        assertThat(book.availableOf(buyer.id())).isEqualTo(1000);
    }

    @Test
    void theOwnersChangesAreAuditedOnceAndAPriceBelowOnePointIsRefused() {
        long product = orders.product(OrderFixtures.unique("Gift Audit"), "5.00", 1);
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'loyalty.points.gift'").query(Long.class).single();

        gifts.set(product, 250, true, "owner");
        gifts.set(product, 250, true, "owner");
        gifts.set(product, 250, false, "owner");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'loyalty.points.gift'").query(Long.class).single()
                - before).isEqualTo(2);
        assertThat(gifts.priceOf(product)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gifts.set(product, 0, true, "owner"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameGiftFormSentTwiceMakesOneOrderAndSpendsThePointsOnce() {
        TestCustomer buyer = points.customerWith("Gift Double", 600);
        long product = gift("15.00", 5, 500);
        String token = UUID.randomUUID().toString();

        PointsGifts.Outcome first = gifts.redeem(request(buyer, product, 500, token));
        PointsGifts.Outcome second = gifts.redeem(request(buyer, product, 500, token));

        assertThat(second.orderNumber()).isEqualTo(first.orderNumber()).isNotNull();
        assertThat(points.ordersOf(buyer)).isEqualTo(1);
        assertThat(orders.stock(product)).isEqualTo(4);
        assertThat(entriesOf(buyer)).filteredOn(e -> e.startsWith("SPENT")).containsExactly("SPENT gift -500");
    }

    /** Runs the calls at the same moment behind a barrier and returns their outcomes. */
    private List<PointsGifts.Outcome> together(List<Supplier<PointsGifts.Outcome>> calls) {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<CompletableFuture<PointsGifts.Outcome>> running = new ArrayList<>();
            for (Supplier<PointsGifts.Outcome> call : calls) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, pool));
            }
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoTabsWithPointsForOneGiftMakeExactlyOneOrder() {
        TestCustomer buyer = points.customerWith("Gift Tabs", 1000);
        long product = gift("25.00", 5, 600);

        List<PointsGifts.Outcome> outcomes = together(List.of(() -> redeem(buyer, product, 600),
                () -> redeem(buyer, product, 600)));

        assertThat(outcomes).filteredOn(o -> o.orderNumber() != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.orderNumber() == null).singleElement()
                .satisfies(o -> assertThat(o.messageKey()).isIn("loyalty.points.gift.tooFew", "loyalty.points.gift.needMore"));
        assertThat(points.ordersOf(buyer)).isEqualTo(1);
        assertThat(book.availableOf(buyer.id())).isEqualTo(400);
        assertThat(orders.stock(product)).isEqualTo(4);
    }

    @Test
    void theSameFormSentFromTwoThreadsAtOnceMakesOneOrder() {
        TestCustomer buyer = points.customerWith("Gift Twins", 2000);
        long product = gift("25.00", 5, 600);
        String token = UUID.randomUUID().toString();

        List<PointsGifts.Outcome> outcomes = together(List.of(() -> gifts.redeem(request(buyer, product, 600, token)),
                () -> gifts.redeem(request(buyer, product, 600, token))));

        assertThat(outcomes).extracting(PointsGifts.Outcome::orderNumber).doesNotContainNull();
        assertThat(outcomes.get(0).orderNumber()).isEqualTo(outcomes.get(1).orderNumber());
        assertThat(points.ordersOf(buyer)).isEqualTo(1);
        assertThat(book.availableOf(buyer.id())).isEqualTo(1400);
    }

    @Test
    void theLastUnitTakenByTwoCustomersAtOnceMakesOneOrder() {
        TestCustomer anna = orders.customer(OrderFixtures.unique("Gift Last A"));
        TestCustomer ben = orders.customer(OrderFixtures.unique("Gift Last B"));
        points.givePoints(anna, 500);
        points.givePoints(ben, 500);
        long product = gift("30.00", 1, 300);

        List<PointsGifts.Outcome> outcomes = together(List.of(() -> redeem(anna, product, 300),
                () -> redeem(ben, product, 300)));

        assertThat(outcomes).filteredOn(o -> o.orderNumber() != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.orderNumber() == null).singleElement()
                .satisfies(o -> assertThat(o.messageKey()).isEqualTo("order.checkout.outOfStock"));
        assertThat(orders.stock(product)).isZero();
        assertThat(book.availableOf(anna.id()) + book.availableOf(ben.id())).as("one of them paid").isEqualTo(700);
    }

    @Test
    void aCancelledGiftGivesItsPointsBackOnceAndTheBooksBalance() {
        TestCustomer buyer = orders.customer(OrderFixtures.unique("Gift Cancel"));
        PointsReconciliation before = book.reconcile();
        points.givePoints(buyer, 700);
        long product = gift("40.00", 3, 500);
        String number = redeem(buyer, product, 500).orderNumber();
        PointsReconciliation spent = book.reconcile();
        assertThat(spent.spent() - before.spent()).isEqualTo(500);
        assertThat(spent.balanced()).isEqualTo(before.balanced());

        orderService.cancelByCustomer(buyer.id(), number);
        await().atMost(Duration.ofSeconds(10)).until(() -> book.availableOf(buyer.id()) == 700);
        book.orderCancelled(points.orderId(number));

        assertThat(entriesOf(buyer)).filteredOn(e -> !e.startsWith("EARNED"))
                .containsExactly("SPENT gift -500", "RETURNED gift 500");
        assertThat(book.availableOf(buyer.id())).isEqualTo(700);
        assertThat(orders.stock(product)).as("the cancel put the stock back").isEqualTo(3);
        PointsReconciliation after = book.reconcile();
        assertThat(after.issued() - before.issued()).isEqualTo(700);
        assertThat(after.spent() - before.spent()).as("given back: not spent").isZero();
        assertThat(after.outstanding() - before.outstanding()).isEqualTo(700);
        assertThat(after.difference()).isEqualTo(before.difference());
    }

    /**
     * A referred friend takes a gift whose product pays a fixed commission per unit: completing it earns the friend no
     * points, the inviter no referral points and no commission; refunding it gives the points back once.
     */
    @Test
    void aGiftEarnsNoPointsNorCommissionAndARefundGivesThePointsBackOnce() {
        TestCustomer sharer = ledger.distributor(OrderFixtures.unique("Gift Sharer"));
        TestCustomer friend = ledger.referredBy(sharer, OrderFixtures.unique("Gift Friend"));
        points.givePoints(friend, 900);
        long product = gift("50.00", 3, 800);
        ledger.productCommission(product, null, new BigDecimal("5.00"));
        PointsReconciliation before = book.reconcile();

        String number = redeem(friend, product, 800).orderNumber();
        ledger.complete(number);
        settled(number);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM commission_entry WHERE order_number = :n").param("n", number)
                .query(Long.class).single()).as("no commission on a gift").isZero();
        assertThat(entriesOf(friend)).filteredOn(e -> e.startsWith("EARNED order")).isEmpty();
        assertThat(entriesOf(sharer)).as("no referral points for a gift").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_points_entry WHERE points = 0").query(Long.class).single())
                .isZero();

        long line = ledger.lineIds(number).get(0);
        ledger.refund(number, line, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> book.availableOf(friend.id()) == 900);
        settled(number);
        book.orderRefunded(points.orderId(number), "again", BigDecimal.ZERO, true);

        assertThat(entriesOf(friend)).filteredOn(e -> !e.startsWith("EARNED"))
                .containsExactly("SPENT gift -800", "RETURNED gift 800");
        PointsReconciliation after = book.reconcile();
        assertThat(after.spent() - before.spent()).isZero();
        assertThat(after.difference()).isEqualTo(before.difference());
    }
}
