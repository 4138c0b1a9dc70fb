package com.micromall.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.DiscountLine;
import com.micromall.order.LineDiscount;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.order.OrderPaid;
import com.micromall.order.OrderPlaced;
import com.micromall.order.OrderRefunded;
import com.micromall.order.OrderShipped;
import com.micromall.order.PaymentMethod;
import com.micromall.order.RefundedLine;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The outbox stores events as JSON with the application's mapper; each must come back equal. */
@MicromallTest
class OrderEventSerializationTests {

    @Autowired JsonMapper mapper;

    @Test
    void everyOrderEventRoundTripsThroughTheApplicationsJsonMapper() {
        Instant at = Instant.parse("2026-06-01T10:15:30.123Z");
        var line = new OrderLineSnapshot(1, 2, "Tea", 3, Money.of("10.00", "CNY"), Money.of("30.00", "CNY"),
                Money.of("27.00", "CNY"));
        List<Object> events = List.of(
                new OrderPlaced(1, "MM-260601-ABCDEF", 7, at, List.of(line), Money.of("30.00", "CNY"),
                        Money.of("3.00", "CNY"), Money.of("8.00", "CNY"), Money.of("35.00", "CNY"), PaymentMethod.BANK_TRANSFER),
                new OrderPlaced(1, "MM-260601-ABCDEF", 7, at, List.of(line), Money.of("30.00", "CNY"),
                        Money.of("3.00", "CNY"), Money.of("8.00", "CNY"), Money.of("35.00", "CNY"), PaymentMethod.BANK_TRANSFER,
                        "1 Road", "200000", List.of(new DiscountLine("welcome", "distribution.welcome.label.percent",
                                List.of("Anna", "10"), Money.of("3.00", "CNY")))),
                new OrderPaid(1, "MM-260601-ABCDEF", 7, at),
                new OrderShipped(1, "MM-260601-ABCDEF", 7, at, "SF123"),
                new OrderShipped(1, "MM-260601-ABCDEF", 7, at, null),
                new OrderCompleted(1, "MM-260601-ABCDEF", 7, at, List.of(line)),
                new OrderCancelled(1, "MM-260601-ABCDEF", 7, at, OrderCancelled.CancelReason.PAYMENT_TIMEOUT),
                new OrderRefunded(1, "MM-260601-ABCDEF", 7, at, List.of(new RefundedLine(1, 2, 1, Money.of("9.00", "CNY"))),
                        Money.of("9.00", "CNY"), false, "dented"),
                new OrderRefunded(1, "MM-260601-ABCDEF", 7, at, List.of(new RefundedLine(1, 2, 1, Money.of("9.00", "CNY"))),
                        Money.of("9.00", "CNY"), false, "dented", "MM-260601-ABCDEF-R1"),
                new OrderCompleted(1, "MM-260601-ABCDEF", 7, at, List.of(new OrderLineSnapshot(1, 2, "Tea", 3,
                        Money.of("10.00", "CNY"), Money.of("30.00", "CNY"), Money.of("27.00", "CNY"),
                        List.of(new LineDiscount("welcome", Money.of("3.00", "CNY")))))));

        for (Object event : events) {
            String json = mapper.writeValueAsString(event);
            assertThat(mapper.readValue(json, event.getClass())).as(json).isEqualTo(event);
        }
    }

    @Test
    void anOrderPlacedStoredBeforeDiscountLinesWereCarriedStillReadsWithNoLines() {
        OrderPlaced old = new OrderPlaced(1, "MM-260601-ABCDEF", 7, Instant.parse("2026-06-01T10:15:30Z"), List.of(),
                Money.of("30.00", "CNY"), Money.of("3.00", "CNY"), Money.of("8.00", "CNY"), Money.of("35.00", "CNY"),
                PaymentMethod.BANK_TRANSFER, "1 Road", "200000");
        String json = mapper.writeValueAsString(old).replace(",\"discounts\":null", "");
        assertThat(json).doesNotContain("discounts");
        OrderPlaced read = mapper.readValue(json, OrderPlaced.class);
        assertThat(read.discounts()).isNull();
        assertThat(read.discountFrom("welcome").isZero()).isTrue();
    }

    @Test
    void eventsStoredBeforeLineDiscountsAndRefundIdsWereCarriedStillRead() {
        Instant at = Instant.parse("2026-06-01T10:15:30Z");
        var line = new OrderLineSnapshot(1, 2, "Tea", 3, Money.of("10.00", "CNY"), Money.of("30.00", "CNY"),
                Money.of("27.00", "CNY"));
        String completed = mapper.writeValueAsString(new OrderCompleted(1, "MM-260601-ABCDEF", 7, at, List.of(line)))
                .replace(",\"discounts\":null", "");
        String refunded = mapper.writeValueAsString(new OrderRefunded(1, "MM-260601-ABCDEF", 7, at,
                List.of(new RefundedLine(1, 2, 1, Money.of("9.00", "CNY"))), Money.of("9.00", "CNY"), false, "dented"))
                .replace(",\"refundId\":null", "");
        assertThat(completed).doesNotContain("discounts");
        assertThat(refunded).doesNotContain("refundId");

        OrderLineSnapshot read = mapper.readValue(completed, OrderCompleted.class).lines().get(0);
        assertThat(read.discounts()).isNull();
        assertThat(read.discountFrom("welcome").isZero()).isTrue();
        assertThat(mapper.readValue(refunded, OrderRefunded.class).refundId()).isNull();
    }
}
