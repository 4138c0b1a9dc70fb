package com.micromall.groupbuy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.micromall.catalog.ProductApi;
import com.micromall.customer.CustomerApi;
import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.SharerBinding;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.order.OneProductCheckout;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.OrderRefunded;
import com.micromall.order.PaymentMethod;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.support.MicromallTest;
import com.micromall.support.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Opening, joining, the race for the last place, expiry and stock, on the real PostgreSQL. */
@MicromallTest
class GroupBuyingTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired GroupBuying groupBuying;
    @Autowired GroupOffers offers;
    @Autowired BuyGroupRepository groups;
    @Autowired GroupOfferRepository offerRows;
    @Autowired OneProductCheckout checkout;
    @Autowired ProductApi products;
    @Autowired CustomerApi customers;
    @Autowired ReferralBindings bindings;
    @Autowired SharerBinding sharers;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired CartService carts;
    @Autowired CheckoutService cartCheckout;
    @Autowired OrderService orderService;
    @Autowired Outbox outbox;

    GroupBuyFixtures fixtures;
    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        fixtures = new GroupBuyFixtures(orders, offers, jdbc);
    }

    /** The service as the job and pages use it, but at a fixed time and with this checkout. */
    private GroupBuying at(Instant now, OneProductCheckout withCheckout) {
        return new GroupBuying(groups, offerRows, withCheckout, products, customers, sharers, events,
                transactions, Clock.fixed(now, ZoneOffset.UTC));
    }

    private GroupBuying at(Instant now) {
        return at(now, checkout);
    }

    private String discountSources(String number) {
        return String.join(",", jdbc.sql("""
                SELECT d.source FROM order_discount d JOIN shop_order o ON o.id = d.order_id
                WHERE o.number = :n ORDER BY d.position""").param("n", number).query(String.class).list());
    }

    private String total(String number) {
        return jdbc.sql("SELECT total FROM shop_order WHERE number = :n").param("n", number)
                .query(java.math.BigDecimal.class).single().toPlainString();
    }

    @Test
    void theOpenerPaysTheGroupPriceAndTheGroupHoldsStockForTheOtherPlacesUntilItFills() {
        long product = fixtures.offer(3, 10, OnExpiry.REFUND);
        TestCustomer anna = orders.customer("Anna");
        TestCustomer ben = orders.customer("Ben");
        TestCustomer chen = orders.customer("Chen");

        long group = groupBuying.open(product, GroupBuyFixtures.purchase(anna));

        assertThat(fixtures.state(group)).isEqualTo("OPEN");
        assertThat(orders.stock(product)).as("1 sold to the opener, 2 held for the free places").isEqualTo(7);
        assertThat(fixtures.held(group)).isEqualTo(2);
        String annas = fixtures.orderNumbers(group).get(0);
        assertThat(discountSources(annas)).isEqualTo("special-price");
        assertThat(total(annas)).as("80.00 group price + 10.00 shipping").isEqualTo("90.00");

        groupBuying.join(group, GroupBuyFixtures.purchase(ben));
        assertThat(fixtures.state(group)).isEqualTo("OPEN");
        assertThat(orders.stock(product)).as("the joiner's unit was a held one").isEqualTo(7);

        groupBuying.join(group, GroupBuyFixtures.purchase(chen));
        assertThat(fixtures.state(group)).isEqualTo("FILLED");
        assertThat(fixtures.held(group)).isZero();
        assertThat(orders.stock(product)).isEqualTo(7);
        assertThat(fixtures.orderNumbers(group)).hasSize(3).allSatisfy(number -> {
            assertThat(fixtures.orderStatus(number)).isEqualTo("PENDING_PAYMENT");
            assertThat(total(number)).isEqualTo("90.00");
        });
        assertThatThrownBy(() -> groupBuying.join(group, GroupBuyFixtures.purchase(orders.customer("Dina"))))
                .isInstanceOf(GroupBuyException.class).hasMessage("groupbuy.error.full");
    }

    @Test
    void aMemberPaysTheGroupPriceTheGroupPageShowedWithNoMemberDiscountOnTop() {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        TestCustomer member = orders.customer("Gold Member");
        long level = jdbc.sql("""
                        INSERT INTO loyalty_level (name, threshold, discount_percent, created_at)
                        VALUES (:n, 765432, 5, now()) RETURNING id""")
                .param("n", OrderFixtures.unique("Group Gold")).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO loyalty_membership (customer_id, level_id, reached_at, held_until)
                VALUES (:c, :l, now(), now() + INTERVAL '1' DAY)""").param("c", member.id()).param("l", level).update();

        long group = groupBuying.open(product, GroupBuyFixtures.purchase(member));

        String number = fixtures.orderNumbers(group).get(0);
        assertThat(discountSources(number)).isEqualTo("special-price");
        assertThat(total(number)).as("80.00 group price + 10.00 shipping, as the page said").isEqualTo("90.00");
    }

    @Test
    void theSameFormSentTwiceOpensOneGroupAndJoinsOnce() {
        long product = fixtures.offer(3, 10, OnExpiry.REFUND);
        TestCustomer anna = orders.customer("Anna");
        TestCustomer ben = orders.customer("Ben");
        GroupBuying.Purchase opening = GroupBuyFixtures.purchase(anna);
        GroupBuying.Purchase joining = GroupBuyFixtures.purchase(ben);

        long group = groupBuying.open(product, opening);
        assertThat(groupBuying.open(product, opening)).isEqualTo(group);
        groupBuying.join(group, joining);
        groupBuying.join(group, joining);

        assertThat(fixtures.orderNumbers(group)).hasSize(2);
        assertThat(fixtures.ordersOf(anna)).isEqualTo(1);
        assertThat(fixtures.ordersOf(ben)).isEqualTo(1);
        assertThat(orders.stock(product)).isEqualTo(7);
        assertThatThrownBy(() -> groupBuying.join(group, GroupBuyFixtures.purchase(ben)))
                .isInstanceOf(GroupBuyException.class).hasMessage("groupbuy.error.alreadyMember");
    }

    @Test
    void aGroupPickTypedIntoTheCartCheckoutGivesNoGroupPrice() {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        TestCustomer anna = orders.customer("Anna");
        GroupBuying.Purchase opening = GroupBuyFixtures.purchase(anna);
        groupBuying.open(product, opening);
        TestCustomer ben = orders.customer("Ben");
        carts.add(CartService.CartKey.customer(ben.id()), product, 1);

        assertThat(cartCheckout.summary(ben.id(), Map.of(GroupBuying.PICK, opening.checkoutToken())).discounts())
                .noneMatch(line -> line.source().equals("special-price"));
        assertThat(cartCheckout.summary(anna.id(), Map.of(GroupBuying.PICK, opening.checkoutToken())).discounts())
                .as("not even the opener's own token, once their order is placed").isEmpty();
    }

    @Test
    void ofTwoBuyersRacingForTheLastPlaceExactlyOneGetsItAndTheOtherPaysNothing() throws Exception {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Anna")));
        List<TestCustomer> racers = List.of(orders.customer("Ben"), orders.customer("Chen"));
        CyclicBarrier start = new CyclicBarrier(racers.size());
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        List<Future<String>> results = new ArrayList<>();
        try {
            for (TestCustomer racer : racers) {
                Callable<String> join = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        groupBuying.join(group, GroupBuyFixtures.purchase(racer));
                        return "joined";
                    } catch (GroupBuyException e) {
                        return e.messageKey();
                    }
                };
                results.add(pool.submit(join));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("joined", "groupbuy.error.full");
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.state(group)).isEqualTo("FILLED");
        assertThat(fixtures.orderNumbers(group)).hasSize(2);
        assertThat(fixtures.ordersOf(racers.get(0)) + fixtures.ordersOf(racers.get(1)))
                .as("the loser's order was never placed").isEqualTo(1);
        assertThat(orders.stock(product)).isEqualTo(8);
    }

    @Test
    void joiningIsOpenUntilJustBeforeTheTimeLimitAndExpiryStartsExactlyAtIt() {
        long product = fixtures.offer(3, 10, OnExpiry.REFUND);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Anna")));
        Instant limit = fixtures.expiresAt(group);
        Instant justBefore = limit.minus(1, ChronoUnit.MICROS);

        at(justBefore).expireDueGroups();
        assertThat(fixtures.state(group)).isEqualTo("OPEN");
        transactions.executeWithoutResult(s -> at(justBefore).join(group, GroupBuyFixtures.purchase(orders.customer("Ben"))));
        assertThat(fixtures.orderNumbers(group)).hasSize(2);

        TestCustomer late = orders.customer("Late");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> at(limit).join(group, GroupBuyFixtures.purchase(late))))
                .isInstanceOf(GroupBuyException.class).hasMessage("groupbuy.error.closed");
        assertThat(fixtures.ordersOf(late)).isZero();

        at(limit).expireDueGroups();
        assertThat(fixtures.state(group)).isEqualTo("EXPIRED_REFUNDED");
        assertThat(fixtures.held(group)).isZero();
        assertThat(fixtures.orderNumbers(group)).allSatisfy(number ->
                assertThat(fixtures.orderStatus(number)).as("unpaid orders are cancelled").isEqualTo("CANCELLED"));
        assertThat(orders.stock(product)).as("every unit is back").isEqualTo(10);
    }

    @Test
    void anExpiredGroupRefundsPaidOrdersAndTheirCommissionIsTakenBack() {
        long product = fixtures.offer(3, 10, OnExpiry.REFUND);
        LedgerFixtures ledger = new LedgerFixtures(orders, jdbc, carts, cartCheckout, orderService);
        TestCustomer opener = fixtures.shareable(ledger.distributor("Opener"));
        TestCustomer friend = orders.customer("Friend");
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(opener));
        groupBuying.join(group, GroupBuyFixtures.purchase(friend));
        List<String> numbers = fixtures.orderNumbers(group);
        numbers.forEach(number -> orderService.confirmPayment(number, "owner@test"));
        String friends = numbers.get(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM commission_snapshot WHERE order_number = :n AND level1_id = :o AND state = 'PLACED'""")
                .param("n", friends).param("o", opener.id()).query(Long.class).single() == 1);

        at(fixtures.expiresAt(group)).expireDueGroups();

        assertThat(fixtures.state(group)).isEqualTo("EXPIRED_REFUNDED");
        assertThat(numbers).allSatisfy(number -> assertThat(fixtures.orderStatus(number)).isEqualTo("REFUNDED"));
        assertThat(orders.stock(product)).isEqualTo(10);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT state FROM commission_snapshot WHERE order_number = :n").param("n", friends)
                .query(String.class).single().equals("REFUNDED"));
    }

    @Test
    void whenOneRefundFailsTheGroupAndEveryOtherRefundStayAsTheyWere() {
        long product = fixtures.offer(3, 10, OnExpiry.REFUND);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Anna")));
        groupBuying.join(group, GroupBuyFixtures.purchase(orders.customer("Ben")));
        List<String> numbers = fixtures.orderNumbers(group);
        numbers.forEach(number -> orderService.confirmPayment(number, "owner@test"));
        String second = numbers.get(1);
        OneProductCheckout failingOnTheSecond = new OneProductCheckout() {
            @Override
            public String place(Request request) {
                return checkout.place(request);
            }

            @Override
            public Quote quote(long customerId, long productId, Map<String, String> choices) {
                return checkout.quote(customerId, productId, choices);
            }

            @Override
            public List<PaymentMethod> paymentMethods() {
                return checkout.paymentMethods();
            }

            @Override
            public java.util.Optional<String> orderForToken(long customerId, String checkoutToken) {
                return checkout.orderForToken(customerId, checkoutToken);
            }

            @Override
            public TakeBack takeBack(String orderNumber, String reason, String actor) {
                TakeBack done = checkout.takeBack(orderNumber, reason, actor);
                if (orderNumber.equals(second)) {
                    throw new IllegalStateException("payment provider down");
                }
                return done;
            }
        };

        at(fixtures.expiresAt(group), failingOnTheSecond).expireDueGroups();

        assertThat(fixtures.state(group)).isEqualTo("OPEN");
        assertThat(numbers).allSatisfy(number -> assertThat(fixtures.orderStatus(number)).isEqualTo("PAID"));
        assertThat(outbox.all(OrderRefunded.class, e -> e.orderNumber().equals(numbers.get(0)))).isEmpty();
        assertThat(orders.stock(product)).isEqualTo(7);

        at(fixtures.expiresAt(group)).expireDueGroups();
        assertThat(fixtures.state(group)).as("the next run closes it").isEqualTo("EXPIRED_REFUNDED");
    }

    @Test
    void aGroupSetToCompleteGoesAheadAtTheGroupPriceAndGivesBackOnlyTheHeldUnits() {
        long product = fixtures.offer(4, 10, OnExpiry.COMPLETE);
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(orders.customer("Anna")));
        groupBuying.join(group, GroupBuyFixtures.purchase(orders.customer("Ben")));

        at(fixtures.expiresAt(group)).expireDueGroups();

        assertThat(fixtures.state(group)).isEqualTo("EXPIRED_COMPLETED");
        assertThat(fixtures.orderNumbers(group)).allSatisfy(number ->
                assertThat(fixtures.orderStatus(number)).isEqualTo("PENDING_PAYMENT"));
        assertThat(orders.stock(product)).as("2 sold, the 2 held units back").isEqualTo(8);
    }

    @Test
    void groupsAndNormalOrdersNeverSellMoreThanTheStock() {
        long product = fixtures.offer(2, 3, OnExpiry.REFUND);
        TestCustomer anna = orders.customer("Anna");
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(anna));
        assertThat(orders.stock(product)).isEqualTo(1);

        TestCustomer shopper = orders.customer("Shopper");
        carts.add(CartService.CartKey.customer(shopper.id()), product, 1);
        cartCheckout.place(new CheckoutService.PlaceOrder(shopper.id(), UUID.randomUUID().toString(), null,
                new CheckoutService.AddressInput("S", "1", "L", null, "C", "P", "CN"), PaymentMethod.BANK_TRANSFER));
        assertThat(orders.stock(product)).isZero();
        TestCustomer late = orders.customer("Late shopper");
        carts.add(CartService.CartKey.customer(late.id()), product, 1);
        assertThatThrownBy(() -> cartCheckout.place(new CheckoutService.PlaceOrder(late.id(),
                UUID.randomUUID().toString(), null, new CheckoutService.AddressInput("S", "1", "L", null, "C", "P", "CN"),
                PaymentMethod.BANK_TRANSFER))).as("the held unit is not for sale").isInstanceOf(RuntimeException.class);
        assertThat(fixtures.ordersOf(late)).isZero();

        TestCustomer second = orders.customer("Second opener");
        assertThatThrownBy(() -> groupBuying.open(product, GroupBuyFixtures.purchase(second)))
                .isInstanceOf(RuntimeException.class);
        assertThat(fixtures.ordersOf(second)).as("nothing placed for a group that could not open").isZero();

        groupBuying.join(group, GroupBuyFixtures.purchase(orders.customer("Ben")));
        assertThat(fixtures.state(group)).isEqualTo("FILLED");
        assertThat(orders.stock(product)).isZero();
        assertThat(jdbc.sql("""
                SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN shop_order o ON o.id = l.order_id
                WHERE l.product_id = :p AND o.status <> 'CANCELLED'""").param("p", product).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void aJoinerNotYetBoundIsBoundToTheOpenerAndGetsTheGroupPriceInsteadOfTheWelcomeGift() {
        long product = fixtures.offer(2, 10, OnExpiry.REFUND);
        LedgerFixtures ledger = new LedgerFixtures(orders, jdbc, carts, cartCheckout, orderService);
        TestCustomer opener = fixtures.shareable(ledger.distributor("Opener"));
        TestCustomer friend = orders.customer("Friend");
        long group = groupBuying.open(product, GroupBuyFixtures.purchase(opener));

        groupBuying.join(group, GroupBuyFixtures.purchase(friend));

        assertThat(bindings.referrerOf(friend.id())).contains(opener.id());
        assertThat(discountSources(fixtures.orderNumbers(group).get(1))).isEqualTo("special-price");
        TestCustomer sameSituation = ledger.referredBy(opener, "Other friend");
        carts.add(CartService.CartKey.customer(sameSituation.id()), product, 1);
        assertThat(cartCheckout.summary(sameSituation.id()).discounts())
                .as("a friend of the opener buying normally does get the welcome gift")
                .anyMatch(line -> line.source().equals("welcome"));
    }
}
