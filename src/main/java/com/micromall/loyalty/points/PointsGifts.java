package com.micromall.loyalty.points;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.customer.NewAddress;
import com.micromall.order.CheckoutRefusedException;
import com.micromall.order.OneProductCheckout;
import com.micromall.order.PaymentMethod;
import com.micromall.settings.AuditLog;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gifts for points: the owner offers products of the catalogue for N points each; a customer takes one as an order of
 * its own, placed through order's {@link OneProductCheckout} like a sale (stock taken under the same rules, the owner
 * ships it from the orders pages), its goods paid in full by a points discount line ({@link PointsGiftDiscounts}).
 * Shipping is charged as on any order, by the payment method the customer picks. The points are spent in the order's
 * transaction under the customer's balance row lock, so two tabs never take the same points and a refused order
 * takes none; the checkout token makes a form sent twice one order.
 */
@Service
@RequiredArgsConstructor
public class PointsGifts {

    /** A product and its price in points; {@code offered}: customers may take it now. */
    public record Gift(ProductSummary product, long points, boolean offered) {

        public boolean inStock() {
            return product.canBuy(1);
        }
    }

    /** A product of the catalogue on the owner's gift page, with its gift terms if it has any. */
    public record CatalogueItem(ProductSummary product, @Nullable Long points, boolean offered) {
    }

    /** What the customer asks for: one unit of the gift at the price in points they saw, sent to this address. */
    public record Request(long customerId, String checkoutToken, long productId, long points, @Nullable Long savedAddressId,
                          @Nullable NewAddress address, PaymentMethod paymentMethod) {
    }

    /** The gift's order number, or why none was placed (a message key with its arguments). */
    public record Outcome(@Nullable String orderNumber, @Nullable String messageKey, List<Object> args) {

        static Outcome placed(String orderNumber) {
            return new Outcome(orderNumber, null, List.of());
        }

        static Outcome refused(String messageKey, Object... args) {
            return new Outcome(null, messageKey, List.of(args));
        }
    }

    private final JdbcClient jdbc;
    private final ProductApi products;
    private final OneProductCheckout checkout;
    private final PointsSettingsService settings;
    private final PointsBook book;
    private final PointsGiftDiscounts discounts;
    private final AuditLog auditLog;

    private record Terms(long productId, long points, boolean offered) {
    }

    private List<Terms> terms() {
        return jdbc.sql("SELECT product_id, points, offered FROM loyalty_points_gift")
                .query((rs, i) -> new Terms(rs.getLong(1), rs.getLong(2), rs.getBoolean(3))).list();
    }

    /** The gifts customers may take now (products on sale, stock or not), the cheapest first; none with points off. */
    @Transactional(readOnly = true)
    public List<Gift> offered() {
        if (!settings.current().enabled()) {
            return List.of();
        }
        Map<Long, Long> prices = terms().stream().filter(Terms::offered)
                .collect(Collectors.toMap(Terms::productId, Terms::points));
        if (prices.isEmpty()) {
            return List.of();
        }
        return products.findAll(prices.keySet()).stream().filter(ProductSummary::onSale)
                .map(product -> new Gift(product, prices.get(product.id()), true))
                .sorted(Comparator.comparingLong(Gift::points).thenComparing(gift -> gift.product().name())).toList();
    }

    /** One gift on offer now. */
    @Transactional(readOnly = true)
    public Optional<Gift> offered(long productId) {
        return offered().stream().filter(gift -> gift.product().id() == productId).findFirst();
    }

    /** The price in points of a product on offer as a gift now. */
    @Transactional(readOnly = true)
    public Optional<Long> priceOf(long productId) {
        return discounts.priceOf(productId);
    }

    /** Every product on sale with its gift terms, by name (the owner's page). */
    @Transactional(readOnly = true)
    public List<CatalogueItem> catalogue() {
        Map<Long, Terms> byProduct = terms().stream().collect(Collectors.toMap(Terms::productId, t -> t));
        return products.onSaleByName().stream().map(product -> {
            Terms t = byProduct.get(product.id());
            return new CatalogueItem(product, t == null ? null : t.points(), t != null && t.offered());
        }).toList();
    }

    /**
     * Sets a product's gift terms: worth {@code points} (at least 1), on offer or not; audited, and the same terms
     * twice change nothing.
     */
    @Transactional
    public void set(long productId, long points, boolean offered, String actor) {
        if (points < 1) {
            throw new IllegalArgumentException("a gift is worth at least one point");
        }
        jdbc.sql("INSERT INTO loyalty_points_gift (product_id, points, offered) VALUES (:p, :pts, FALSE) ON CONFLICT DO NOTHING")
                .param("p", productId).param("pts", points).update();
        Terms before = jdbc.sql("SELECT product_id, points, offered FROM loyalty_points_gift WHERE product_id = :p FOR UPDATE")
                .param("p", productId).query((rs, i) -> new Terms(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .single();
        Terms after = new Terms(productId, points, offered);
        if (before.equals(after)) {
            return;
        }
        jdbc.sql("UPDATE loyalty_points_gift SET points = :pts, offered = :o WHERE product_id = :p")
                .param("pts", points).param("o", offered).param("p", productId).update();
        auditLog.record(actor, "loyalty.points.gift", "product " + productId, describe(before), describe(after));
    }

    private static String describe(Terms terms) {
        return terms.points() + (terms.offered() ? " points, offered" : " points, off");
    }

    /**
     * Places the gift's order, or none and says why. The same token again (a double click) answers with the order
     * the first one placed.
     */
    public Outcome redeem(Request request) {
        Optional<String> already = checkout.orderForToken(request.customerId(), request.checkoutToken());
        if (already.isPresent()) {
            return Outcome.placed(already.get());
        }
        Optional<Gift> gift = offered(request.productId());
        if (gift.isEmpty()) {
            return Outcome.refused("loyalty.points.gift.notOffered");
        }
        if (gift.get().points() != request.points()) {
            return Outcome.refused("loyalty.points.gift.priceChanged", gift.get().points());
        }
        long available = book.availableOf(request.customerId());
        if (available < request.points()) {
            return Outcome.refused("loyalty.points.gift.needMore", request.points() - available);
        }
        try {
            return Outcome.placed(checkout.place(new OneProductCheckout.Request(request.customerId(),
                    request.checkoutToken(), request.productId(), request.savedAddressId(), request.address(),
                    request.paymentMethod(), Map.of(PointsGiftDiscounts.SOURCE,
                    PointsGiftDiscounts.pick(request.productId(), request.points())))));
        } catch (CheckoutRefusedException e) {
            return Outcome.refused(e.messageKey(), e.args());
        } catch (DataIntegrityViolationException e) {
            // The same form sent twice at the same moment: the first one placed the order.
            return checkout.orderForToken(request.customerId(), request.checkoutToken()).map(Outcome::placed)
                    .orElseThrow(() -> e);
        }
    }
}
