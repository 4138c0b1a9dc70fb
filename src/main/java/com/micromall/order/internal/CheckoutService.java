package com.micromall.order.internal;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.NewAddress;
import com.micromall.order.CheckoutBasket;
import com.micromall.order.DiscountAllocation;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.CheckoutOption;
import com.micromall.order.DiscountLine;
import com.micromall.order.PaymentMethod;
import com.micromall.order.StaffCodes;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns a customer's cart into an order in one transaction: stock, money, address snapshot, events. */
@Service
@RequiredArgsConstructor
public class CheckoutService {

    /** The shipping address typed in the form, or null fields when a saved address is chosen. */
    public record AddressInput(String recipient, String phone, String line1, @Nullable String line2, String city,
                               String postalCode, String country) {

        public static @Nullable AddressInput of(@Nullable NewAddress typed) {
            return typed == null ? null : new AddressInput(typed.recipient(), typed.phone(), typed.line1(),
                    typed.line2(), typed.city(), typed.postalCode(), typed.country());
        }
    }

    /**
     * {@code rememberAddress}: keep a typed address in the customer's address book for the next checkout;
     * {@code choices}: what the buyer picked for the discount sources ({@link CheckoutBasket#choices()}).
     */
    public record PlaceOrder(long customerId, String checkoutToken, @Nullable Long savedAddressId,
                             @Nullable AddressInput address, PaymentMethod paymentMethod, boolean rememberAddress,
                             @Nullable String staffCode, Map<String, String> choices) {

        public PlaceOrder {
            choices = Map.copyOf(choices);
        }

        /** An order with nothing picked for the discount sources. */
        public PlaceOrder(long customerId, String checkoutToken, @Nullable Long savedAddressId,
                          @Nullable AddressInput address, PaymentMethod paymentMethod, boolean rememberAddress,
                          @Nullable String staffCode) {
            this(customerId, checkoutToken, savedAddressId, address, paymentMethod, rememberAddress, staffCode, Map.of());
        }

        /** The same order with these picks for the discount sources. */
        public PlaceOrder withChoices(Map<String, String> picked) {
            return new PlaceOrder(customerId, checkoutToken, savedAddressId, address, paymentMethod, rememberAddress,
                    staffCode, picked);
        }

        /** An order without a typed staff code. */
        public PlaceOrder(long customerId, String checkoutToken, @Nullable Long savedAddressId,
                          @Nullable AddressInput address, PaymentMethod paymentMethod, boolean rememberAddress) {
            this(customerId, checkoutToken, savedAddressId, address, paymentMethod, rememberAddress, null);
        }

        /** An order whose typed address is not kept. */
        public PlaceOrder(long customerId, String checkoutToken, @Nullable Long savedAddressId,
                          @Nullable AddressInput address, PaymentMethod paymentMethod) {
            this(customerId, checkoutToken, savedAddressId, address, paymentMethod, false, null);
        }
    }

    /**
     * What the checkout page shows and the order will charge. {@code options}: what the buyer may pick for the
     * discount sources (empty when placing the order), {@code basket}: what the sources were asked about.
     */
    public record Summary(CartService.CartView cart, List<DiscountLine> discounts, Money goodsTotal,
                          Money discountTotal, Money shippingFee, Money total, List<CheckoutOption> options,
                          CheckoutBasket basket) {

        /** The sources that offer the buyer something to pick, in the order they are asked. */
        public List<String> optionSources() {
            return options.stream().map(CheckoutOption::source).distinct().toList();
        }

        public List<CheckoutOption> optionsOf(String source) {
            return options.stream().filter(option -> option.source().equals(source)).toList();
        }
    }

    private static final Duration JUST_ORDERED = Duration.ofMinutes(30);

    private final CartService carts;
    private final ProductApi products;
    private final CustomerApi customers;
    private final ShopSettingsService settings;
    private final List<CheckoutDiscounts> discountSources;
    private final List<PaymentGateway> gateways;
    private final List<StaffCodes> staffCodes;
    private final OrderRepository orders;
    private final OrderNumbers numbers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public List<PaymentMethod> paymentMethods() {
        return gateways.stream().map(PaymentGateway::method).sorted().toList();
    }

    @Transactional
    public Summary summary(long customerId) {
        return summary(customerId, Map.of());
    }

    /** The checkout page's summary with what the buyer picked for the discount sources, and what they may pick. */
    @Transactional
    public Summary summary(long customerId, Map<String, String> choices) {
        return summary(customerId, choices, true);
    }

    private Summary summary(long customerId, Map<String, String> choices, boolean withOptions) {
        return summary(customerId, carts.view(CartService.CartKey.customer(customerId)), choices, withOptions);
    }

    private Summary summary(long customerId, CartService.CartView cart, Map<String, String> choices,
                            boolean withOptions) {
        Money goods = cart.goodsTotal();
        CheckoutBasket basket = new CheckoutBasket(customerId, cart.lines().stream()
                .map(line -> new CheckoutBasket.Line(line.product().id(), line.quantity(), line.product().price(),
                        line.lineTotal())).toList(), goods, choices);
        List<DiscountLine> discounts = new ArrayList<>();
        List<CheckoutOption> options = new ArrayList<>();
        Money discountTotal = Money.zero(goods.currency());
        if (!cart.isEmpty()) {
            // In @Order: each source sees what the ones before it left to pay, and never takes more.
            for (CheckoutDiscounts source : discountSources) {
                CheckoutBasket remaining = new CheckoutBasket(basket.customerId(), basket.lines(), goods,
                        goods.minus(discountTotal.min(goods)), discounts, choices);
                if (withOptions) {
                    options.addAll(source.optionsFor(remaining));
                }
                for (DiscountLine line : source.discountsFor(remaining)) {
                    if (line.amount().isPositive()) {
                        discounts.add(line);
                        discountTotal = discountTotal.plus(line.amount());
                    }
                }
            }
        }
        // Discounts can make goods free, never negative.
        discountTotal = discountTotal.min(goods);
        Money shipping = cart.isEmpty() ? Money.zero(goods.currency()) : settings.current().shippingFee();
        return new Summary(cart, List.copyOf(discounts), goods, discountTotal, shipping,
                goods.minus(discountTotal).plus(shipping), List.copyOf(options), basket);
    }

    /** The order a checkout token already produced (a double submit), if any. */
    @Transactional(readOnly = true)
    public Optional<String> orderNumberForToken(long customerId, String checkoutToken) {
        return orders.findByCheckoutToken(checkoutToken).filter(order -> order.getCustomerId() == customerId)
                .map(Order::getNumber);
    }

    /**
     * Places the order or changes nothing: any refused stock reservation, or a discount that can
     * no longer be granted ({@link com.micromall.order.DiscountUnavailableException}), rolls the
     * whole transaction back (other lines' reservations included) and the cart stays as it was.
     *
     * <p>One customer's checkouts run one after the other (the cart row is locked first), so a second
     * tab finds the cart the first one ordered empty, and "first order" benefits see every order
     * placed before. Stock rows are then locked in product-id order, the same for every checkout.
     */
    @Transactional
    public String place(PlaceOrder command) {
        return place(command, null);
    }

    /**
     * As {@link #place(PlaceOrder)}, but for one unit of {@code productId} instead of the cart, which stays as it is
     * (a group buy). The product must be on sale.
     */
    @Transactional
    public String placeOne(PlaceOrder command, long productId) {
        return place(command, productId);
    }

    /** The summary of one unit of a product bought outside the cart, as {@link #placeOne} would charge it. */
    @Transactional(readOnly = true)
    public Summary summaryOfOne(long customerId, long productId, Map<String, String> choices) {
        return summary(customerId, oneUnit(productId), choices, false);
    }

    private CartService.CartView oneUnit(long productId) {
        ProductSummary product = products.find(productId).filter(ProductSummary::onSale)
                .orElseThrow(() -> new CheckoutException("order.checkout.outOfStock", ""));
        return new CartService.CartView(List.of(new CartService.Line(product, 1, product.price(), null, null)),
                product.price(), List.of());
    }

    private String place(PlaceOrder command, @Nullable Long singleProductId) {
        carts.lockForCheckout(command.customerId());
        Optional<String> already = orderNumberForToken(command.customerId(), command.checkoutToken());
        if (already.isPresent()) {
            return already.get();
        }
        PaymentGateway gateway = gateways.stream().filter(g -> g.method() == command.paymentMethod()).findFirst()
                .orElseThrow(() -> new CheckoutException("order.checkout.paymentUnavailable"));
        CustomerProfile customer = customers.find(command.customerId())
                .orElseThrow(() -> new CheckoutException("order.checkout.emptyCart"));
        Order.ShippingAddress address = shippingAddress(command);
        Summary summary = singleProductId == null ? summary(command.customerId(), command.choices(), false)
                : summary(command.customerId(), oneUnit(singleProductId), command.choices(), false);
        if (summary.cart().isEmpty()) {
            throw justOrdered(command.customerId())
                    .map(number -> new CheckoutException("order.checkout.alreadyOrdered", number))
                    .orElseGet(() -> new CheckoutException("order.checkout.emptyCart"));
        }
        if (!summary.cart().removedNames().isEmpty()) {
            throw new CheckoutException("order.cart.removedArchived", String.join(", ", summary.cart().removedNames()));
        }
        List<CartService.Line> byProduct = summary.cart().lines().stream()
                .sorted(Comparator.comparingLong(line -> line.product().id())).toList();
        for (CartService.Line line : byProduct) {
            if (!products.reserveStock(line.product().id(), line.quantity())) {
                throw new CheckoutException("order.checkout.outOfStock", line.product().name());
            }
        }
        List<DiscountAllocation.LineShare> shares = DiscountAllocation.bySource(
                summary.cart().lines().stream().map(CartService.Line::lineTotal).toList(), summary.discounts());
        List<Order.NewLine> lines = new ArrayList<>();
        for (int i = 0; i < summary.cart().lines().size(); i++) {
            CartService.Line line = summary.cart().lines().get(i);
            lines.add(new Order.NewLine(line.product().id(), line.product().name(), line.product().price(),
                    line.quantity(), shares.get(i).paid(), shares.get(i).discounts()));
        }
        Order order = Order.place(numbers.next(), command.checkoutToken(), customer.id(), customer.name(),
                customer.email(), command.paymentMethod(), lines, summary.discounts(), summary.shippingFee(), address,
                clock.instant());
        orders.saveAndFlush(order);
        // A source that spends something (store credit) takes it now, under its own lock; if it is gone,
        // DiscountUnavailableException rolls the whole order back, stock reservations included.
        for (CheckoutDiscounts source : discountSources) {
            source.confirm(order.getId(), order.getNumber(), summary.basket(), summary.discounts());
        }
        for (StaffCodes staff : staffCodes) {
            staff.confirm(order.getId(), order.getNumber(), customer.id(), summary.total(), command.staffCode());
        }
        order.announcePlaced();
        if (gateway.paidOnPlacement()) {
            order.markPaid("payment:" + gateway.method().name(), clock.instant());
        }
        orders.saveAndFlush(order);
        rememberAddress(command);
        order.releaseEvents().forEach(events::publishEvent);
        if (singleProductId == null) {
            carts.clear(CartService.CartKey.customer(command.customerId()));
        }
        return order.getNumber();
    }

    /** The order the customer placed in the last few minutes, if any: what another tab's checkout just made. */
    private Optional<String> justOrdered(long customerId) {
        Instant recently = clock.instant().minus(JUST_ORDERED);
        return orders.findByCustomerIdOrderByPlacedAtDescIdDesc(customerId).stream().findFirst()
                .filter(order -> order.getPlacedAt().isAfter(recently)).map(Order::getNumber);
    }

    /** The next checkout offers the address this order went to (a full address book simply keeps it out). */
    private void rememberAddress(PlaceOrder command) {
        AddressInput typed = command.address();
        if (command.savedAddressId() != null) {
            customers.markAddressUsed(command.customerId(), command.savedAddressId());
        } else if (command.rememberAddress() && typed != null) {
            customers.rememberAddress(command.customerId(), new NewAddress(typed.recipient(), typed.phone(),
                    typed.line1(), typed.line2(), typed.city(), typed.postalCode(), typed.country()));
        }
    }

    private Order.ShippingAddress shippingAddress(PlaceOrder command) {
        if (command.savedAddressId() != null) {
            return customers.addressOf(command.customerId(), command.savedAddressId())
                    .map(a -> new Order.ShippingAddress(a.recipient(), a.phone(), a.line1(), a.line2(), a.city(),
                            a.postalCode(), a.country()))
                    .orElseThrow(() -> new CheckoutException("order.checkout.addressUnknown"));
        }
        AddressInput a = command.address();
        if (a == null) {
            throw new CheckoutException("order.checkout.addressUnknown");
        }
        return new Order.ShippingAddress(a.recipient().strip(), a.phone().strip(), a.line1().strip(),
                a.line2() == null || a.line2().isBlank() ? null : a.line2().strip(), a.city().strip(),
                a.postalCode().strip(), a.country().strip());
    }
}
