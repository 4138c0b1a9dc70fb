package com.micromall.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.order.DiscountLine;
import com.micromall.order.LineDiscount;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderPaid;
import com.micromall.order.OrderRefunded;
import com.micromall.order.OrderShipped;
import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class OrderTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Order.ShippingAddress ADDRESS =
            new Order.ShippingAddress("Anna", "123", "1 Main St", null, "Shanghai", "200000", "China");

    /** Two lines: 3 × 10.00 (paid 27.00) and 1 × 10.00 (paid 9.00) after a 4.00 discount; shipping 8.00. */
    static Order order() {
        List<Order.NewLine> lines = List.of(
                new Order.NewLine(101, "Tea", Money.of("10.00", "CNY"), 3, Money.of("27.00", "CNY"),
                        List.of(new LineDiscount("welcome", Money.of("3.00", "CNY")))),
                new Order.NewLine(102, "Cup", Money.of("10.00", "CNY"), 1, Money.of("9.00", "CNY"),
                        List.of(new LineDiscount("welcome", Money.of("1.00", "CNY")))));
        Order order = Order.place("MM-260601-ABCDEF", "token", 7, "Anna", "anna@example.com",
                PaymentMethod.BANK_TRANSFER, lines,
                List.of(new DiscountLine("welcome", "x.welcome", List.of("10"), Money.of("4.00", "CNY"))),
                Money.of("8.00", "CNY"), ADDRESS, NOW);
        ReflectionTestUtils.setField(order, "id", 1L);
        for (int i = 0; i < order.getLines().size(); i++) {
            ReflectionTestUtils.setField(order.getLines().get(i), "id", 10L + i);
        }
        return order;
    }

    private static Order inStatus(OrderStatus status) {
        Order order = order();
        switch (status) {
            case PENDING_PAYMENT -> { }
            case PAID -> order.markPaid("owner", NOW);
            case SHIPPED -> { order.markPaid("owner", NOW); order.ship("owner", "SF123", NOW); }
            case COMPLETED -> { order.markPaid("owner", NOW); order.ship("owner", null, NOW); order.complete("owner", NOW); }
            case CANCELLED -> order.cancel("owner", OrderCancelled.CancelReason.OWNER, NOW);
            case REFUNDED -> { order.markPaid("owner", NOW); order.refund(Map.of(10L, 3, 11L, 1), "all", "owner", null, NOW); }
        }
        order.releaseEvents();
        return order;
    }

    @Test
    void aPlacedOrderAwaitsPaymentAndStoresTotalsFromWhatIsPaid() {
        Order order = order();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.money(order.getGoodsTotal())).isEqualTo(Money.of("40.00", "CNY"));
        assertThat(order.money(order.getDiscountTotal())).isEqualTo(Money.of("4.00", "CNY"));
        assertThat(order.money(order.getTotal())).isEqualTo(Money.of("44.00", "CNY"));
        assertThat(order.getHistory()).extracting(OrderStatusChange::getKind).containsExactly(OrderStatusChange.Kind.PLACED);
    }

    @Test
    void theHappyPathPaysShipsAndCompletesWithAnEventAndATimelineEntryForEachStep() {
        Order order = order();
        order.markPaid("owner@shop", NOW);
        order.ship("owner@shop", " SF123 ", NOW);
        order.complete("owner@shop", NOW);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.getTrackingNote()).isEqualTo("SF123");
        assertThat(order.releaseEvents()).hasExactlyElementsOfTypes(OrderPaid.class, OrderShipped.class, OrderCompleted.class);
        assertThat(order.getHistory()).extracting(OrderStatusChange::getStatus).containsExactly(
                OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED);
    }

    @Test
    void onlyAnUnpaidOrderCanBeCancelledAndItsEventNamesTheReason() {
        Order order = order();
        order.cancel("system", OrderCancelled.CancelReason.PAYMENT_TIMEOUT, NOW);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.releaseEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class,
                e -> assertThat(e.reason()).isEqualTo(OrderCancelled.CancelReason.PAYMENT_TIMEOUT));
        assertThat(order.reservedQuantities()).containsExactlyInAnyOrderEntriesOf(Map.of(101L, 3, 102L, 1));
    }

    @Test
    void everyIllegalMoveIsRefusedWithATranslatableReasonAndChangesNothing() {
        Map<String, Consumer<Order>> moves = Map.of(
                "pay", o -> o.markPaid("owner", NOW),
                "ship", o -> o.ship("owner", null, NOW),
                "complete", o -> o.complete("owner", NOW),
                "cancel", o -> o.cancel("owner", OrderCancelled.CancelReason.OWNER, NOW),
                "refund", o -> o.refund(Map.of(10L, 1), "r", "owner", null, NOW));
        Map<OrderStatus, List<String>> legal = Map.of(
                OrderStatus.PENDING_PAYMENT, List.of("pay", "cancel"),
                OrderStatus.PAID, List.of("ship", "refund"),
                OrderStatus.SHIPPED, List.of("complete", "refund"),
                OrderStatus.COMPLETED, List.of("refund"),
                OrderStatus.CANCELLED, List.of(),
                OrderStatus.REFUNDED, List.of());
        for (OrderStatus status : OrderStatus.values()) {
            for (var move : moves.entrySet()) {
                Order order = inStatus(status);
                if (legal.get(status).contains(move.getKey())) {
                    move.getValue().accept(order);
                    assertThat(order.releaseEvents()).as("%s from %s", move.getKey(), status).hasSize(1);
                } else {
                    int historyBefore = order.getHistory().size();
                    assertThatThrownBy(() -> move.getValue().accept(order)).as("%s from %s", move.getKey(), status)
                            .isInstanceOf(OrderStateException.class)
                            .satisfies(e -> assertThat(((OrderStateException) e).messageKey()).startsWith("order.error."));
                    assertThat(order.getStatus()).isEqualTo(status);
                    assertThat(order.getHistory()).hasSize(historyBefore);
                    assertThat(order.releaseEvents()).isEmpty();
                }
            }
        }
    }

    @Test
    void refundingOneOfThreeUnitsReturnsAThirdOfWhatWasPaidRoundedDown() {
        Order order = inStatus(OrderStatus.PAID);

        Money amount = order.refund(Map.of(10L, 1), "broken", "owner", null, NOW);

        assertThat(amount).isEqualTo(Money.of("9.00", "CNY"));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(order.releaseEvents()).singleElement().isInstanceOfSatisfying(OrderRefunded.class, e -> {
            assertThat(e.amount()).isEqualTo(Money.of("9.00", "CNY"));
            assertThat(e.fullyRefunded()).isFalse();
            assertThat(e.lines()).singleElement().satisfies(l -> {
                assertThat(l.lineId()).isEqualTo(10L);
                assertThat(l.quantity()).isEqualTo(1);
            });
        });
    }

    @Test
    void refundingEverythingReturnsTheWholeTotalIncludingShippingAndEndsRefunded() {
        Order order = inStatus(OrderStatus.SHIPPED);
        Money first = order.refund(Map.of(10L, 2), "a", "owner", null, NOW);
        Money rest = order.refund(Map.of(10L, 1, 11L, 1), "b", "owner", null, NOW);

        assertThat(first.plus(rest)).isEqualTo(Money.of("44.00", "CNY"));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.money(order.getRefundedTotal())).isEqualTo(order.money(order.getTotal()));
    }

    @Test
    void aRefundBeyondWhatIsLeftIsRefused() {
        Order order = inStatus(OrderStatus.PAID);
        order.refund(Map.of(10L, 2), "a", "owner", null, NOW);

        assertThatThrownBy(() -> order.refund(Map.of(10L, 2), "b", "owner", null, NOW))
                .isInstanceOf(OrderStateException.class).hasMessage("order.error.refundTooMuch");
        assertThatThrownBy(() -> order.refund(Map.of(), "b", "owner", null, NOW))
                .isInstanceOf(OrderStateException.class).hasMessage("order.error.refundNothing");
        assertThatThrownBy(() -> order.refund(Map.of(999L, 1), "b", "owner", null, NOW))
                .isInstanceOf(OrderStateException.class);
        assertThat(order.getLines().get(0).getRefundedQuantity()).isEqualTo(2);
    }

    @Test
    void partialRefundsOfAnyLineAddUpToExactlyWhatWasPaidForIt() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        var cny = java.util.Currency.getInstance("CNY");
        for (int run = 0; run < 2_000; run++) {
            int quantity = 1 + random.nextInt(12);
            long paidCents = random.nextInt(500_000);
            long unitCents = Math.max(1, (paidCents + quantity - 1) / quantity);
            OrderLine line = new OrderLine(0, 1, "P", Money.ofMinor(unitCents, cny), quantity, Money.ofMinor(paidCents, cny),
                    List.of());
            List<Money> parts = new ArrayList<>();
            while (line.refundableQuantity() > 0) {
                int units = 1 + random.nextInt(line.refundableQuantity());
                Money expectedFloor = Money.ofMinor(paidCents * units / quantity, cny);
                boolean completes = units == line.refundableQuantity();
                Money part = line.refund(units, cny);
                if (!completes) {
                    assertThat(part).as("seed %d run %d", seed, run).isEqualTo(expectedFloor);
                }
                parts.add(part);
            }
            assertThat(parts.stream().mapToLong(Money::minorUnits).sum()).as("seed %d run %d", seed, run)
                    .isEqualTo(paidCents);
            assertThat(parts).allSatisfy(p -> assertThat(p.isNegative()).isFalse());
        }
    }

    @Test
    void previewComputesTheSameAmountAsTheRefundWithoutChangingTheOrder() {
        Order order = inStatus(OrderStatus.COMPLETED);
        Map<Long, Integer> quantities = new HashMap<>(Map.of(10L, 1, 11L, 1));

        Money preview = order.previewRefund(quantities);

        assertThat(order.getLines()).allSatisfy(l -> assertThat(l.getRefundedQuantity()).isZero());
        assertThat(order.refund(quantities, "r", "owner", null, NOW)).isEqualTo(preview);
    }
}
