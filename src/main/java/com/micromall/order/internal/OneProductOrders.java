package com.micromall.order.internal;

import com.micromall.order.CheckoutRefusedException;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.order.OneProductCheckout;
import com.micromall.order.PaymentMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link OneProductCheckout} on top of the cart's checkout and the owner's refund. */
@Service
@RequiredArgsConstructor
class OneProductOrders implements OneProductCheckout {

    private final CheckoutService checkout;
    private final OrderRepository orders;
    private final OrderService orderService;

    @Override
    @Transactional
    public String place(Request request) {
        try {
            return checkout.placeOne(new CheckoutService.PlaceOrder(request.customerId(), request.checkoutToken(),
                    request.savedAddressId(), CheckoutService.AddressInput.of(request.address()), request.paymentMethod(),
                    false, null, request.choices()), request.productId());
        } catch (OrderStateException e) {
            throw new CheckoutRefusedException(e.messageKey(), Arrays.asList(e.args()));
        } catch (DiscountUnavailableException e) {
            throw new CheckoutRefusedException(e.messageKey(), List.of());
        }
    }

    @Override
    public Quote quote(long customerId, long productId, Map<String, String> choices) {
        try {
            CheckoutService.Summary summary = checkout.summaryOfOne(customerId, productId, choices);
            return new Quote(summary.goodsTotal(), summary.discounts(), summary.shippingFee(), summary.total());
        } catch (OrderStateException e) {
            throw new CheckoutRefusedException(e.messageKey(), Arrays.asList(e.args()));
        }
    }

    @Override
    public List<PaymentMethod> paymentMethods() {
        return checkout.paymentMethods();
    }

    @Override
    public Optional<String> orderForToken(long customerId, String checkoutToken) {
        return checkout.orderNumberForToken(customerId, checkoutToken);
    }

    @Override
    @Transactional
    public TakeBack takeBack(String orderNumber, String reason, String actor) {
        Order order = orders.findForChange(orderNumber).orElse(null);
        if (order == null) {
            return TakeBack.NOTHING;
        }
        if (order.getStatus() == OrderStatus.PENDING_PAYMENT) {
            orderService.cancelByOwner(orderNumber, actor);
            return TakeBack.CANCELLED;
        }
        if (!order.canRefund()) {
            return TakeBack.NOTHING;
        }
        Map<Long, Integer> all = order.getLines().stream().filter(line -> line.refundableQuantity() > 0)
                .collect(Collectors.toMap(OrderLine::getId, OrderLine::refundableQuantity));
        orderService.refund(orderNumber, all, reason, actor);
        return TakeBack.REFUNDED;
    }
}
