package com.micromall.order.internal;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carts in the database. Prices are never stored here: every view re-reads them from the catalog,
 * so the cart always shows what checkout will charge.
 */
@Service
@RequiredArgsConstructor
public class CartService {

    /** Whose cart: a customer's (by id) or a visitor's (by the cookie token). */
    public record CartKey(@Nullable Long customerId, @Nullable String token) {

        public static CartKey customer(long customerId) {
            return new CartKey(customerId, null);
        }

        public static CartKey visitor(@Nullable String token) {
            return new CartKey(null, token);
        }
    }

    public record Item(long productId, int quantity) {
    }

    /** One cart line as the cart page shows it; {@code problemKey} is set when checkout would fail. */
    public record Line(ProductSummary product, int quantity, Money lineTotal, @Nullable String problemKey,
                       Object @Nullable [] problemArgs) {
    }

    /** {@code removedNames}: archived products taken out of the cart while building this view. */
    public record CartView(List<Line> lines, Money goodsTotal, List<String> removedNames) {

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public boolean hasProblems() {
            return lines.stream().anyMatch(line -> line.problemKey() != null);
        }

        public int itemCount() {
            return lines.stream().mapToInt(Line::quantity).sum();
        }
    }

    /** Why adding did not (fully) work. */
    public enum AddResult { ADDED, CAPPED_AT_STOCK, CAPPED_AT_MAXIMUM, SOLD_OUT, UNKNOWN_PRODUCT }

    public static final int MAX_QUANTITY = 99;

    private final JdbcClient jdbc;
    private final ProductApi products;
    private final ShopSettingsService settings;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<Item> items(CartKey key) {
        Owner owner = owner(key);
        if (owner == null) {
            return List.of();
        }
        return jdbc.sql("SELECT i.product_id, i.quantity FROM cart c JOIN cart_item i ON i.cart_id = c.id WHERE "
                        + owner.condition() + " ORDER BY i.added_at, i.product_id")
                .param("owner", owner.value()).query((rs, i) -> new Item(rs.getLong(1), rs.getInt(2))).list();
    }

    /**
     * The header's item count, asked on every page, in one statement. Not in a transaction: for a visitor
     * without a cart it reads nothing, and opening one (a JPA session and a pooled connection) would cost every page.
     */
    public int count(CartKey key) {
        Owner owner = owner(key);
        if (owner == null) {
            return 0;
        }
        return jdbc.sql("SELECT COALESCE(SUM(i.quantity), 0) FROM cart c JOIN cart_item i ON i.cart_id = c.id WHERE "
                        + owner.condition())
                .param("owner", owner.value()).query(Integer.class).single();
    }

    @Transactional
    public AddResult add(CartKey key, long productId, int quantity) {
        Optional<ProductSummary> found = products.find(productId);
        if (found.isEmpty() || !found.get().onSale() || quantity <= 0) {
            return AddResult.UNKNOWN_PRODUCT;
        }
        ProductSummary product = found.get();
        if (product.stock() <= 0) {
            return AddResult.SOLD_OUT;
        }
        Optional<Long> existing = cartId(key);
        boolean made = existing.isEmpty() && insertCart(key);
        long cart = existing.isPresent() ? existing.get() : cartId(key).orElseThrow();
        // A cart this transaction made has no lines and carries its time already.
        Optional<Integer> line = made ? Optional.empty() : lineQuantity(cart, productId);
        int already = line.orElse(0);
        // Summed as long: a huge quantity typed in must not wrap around to a negative line.
        long asked = (long) already + quantity;
        int allowed = (int) Math.min(Math.min(asked, MAX_QUANTITY), product.stock());
        if (line.isPresent()) {
            put(cart, productId, allowed);
        } else {
            insertLine(cart, productId, allowed, !made);
        }
        if (allowed == asked) {
            return AddResult.ADDED;
        }
        return allowed < MAX_QUANTITY ? AddResult.CAPPED_AT_STOCK : AddResult.CAPPED_AT_MAXIMUM;
    }

    /** Sets a line's quantity; 0 removes it. More than is in stock is capped at the stock. */
    @Transactional
    public void update(CartKey key, long productId, int quantity) {
        Optional<Long> cart = cartId(key);
        if (cart.isEmpty()) {
            return;
        }
        if (quantity <= 0) {
            remove(key, productId);
            return;
        }
        int stock = products.find(productId).map(ProductSummary::stock).orElse(0);
        int allowed = Math.min(Math.min(quantity, MAX_QUANTITY), stock);
        if (allowed <= 0) {
            remove(key, productId);
        } else if (quantityIn(cart.get(), productId) > 0) {
            put(cart.get(), productId, allowed);
        }
    }

    /**
     * Locks the customer's cart row until the surrounding transaction ends: checkouts of one customer
     * (two tabs, a double click) wait for each other and then see what the first one did.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForCheckout(long customerId) {
        jdbc.sql("SELECT id FROM cart WHERE customer_id = :c FOR UPDATE").param("c", customerId)
                .query(Long.class).optional();
    }

    @Transactional
    public void remove(CartKey key, long productId) {
        cartId(key).ifPresent(id -> jdbc.sql("DELETE FROM cart_item WHERE cart_id = :cart AND product_id = :product")
                .param("cart", id).param("product", productId).update());
    }

    @Transactional
    public void clear(CartKey key) {
        Owner owner = owner(key);
        if (owner != null) {
            jdbc.sql("DELETE FROM cart_item WHERE cart_id IN (SELECT c.id FROM cart c WHERE " + owner.condition() + ")")
                    .param("owner", owner.value()).update();
        }
    }

    /**
     * Moves a visitor's cart into the customer's: quantities of the same product add up, capped by
     * the stock; the visitor's cart is deleted. Nothing happens for an unknown token.
     */
    @Transactional
    public void mergeVisitorCart(String token, long customerId) {
        Optional<Long> visitorCart = cartId(CartKey.visitor(token));
        if (visitorCart.isEmpty()) {
            return;
        }
        List<Item> visitorItems = items(CartKey.visitor(token));
        if (!visitorItems.isEmpty()) {
            long customerCart = cartIdOrCreate(CartKey.customer(customerId));
            Map<Long, ProductSummary> byId = products.findAll(visitorItems.stream().map(Item::productId).toList())
                    .stream().collect(Collectors.toMap(ProductSummary::id, Function.identity()));
            for (Item item : visitorItems) {
                ProductSummary product = byId.get(item.productId());
                if (product == null || !product.onSale()) {
                    continue;
                }
                int sum = Math.min(quantityIn(customerCart, item.productId()) + item.quantity(), MAX_QUANTITY);
                int allowed = Math.min(sum, product.stock());
                if (allowed > 0) {
                    put(customerCart, item.productId(), allowed);
                }
            }
        }
        jdbc.sql("DELETE FROM cart WHERE id = :id").param("id", visitorCart.get()).update();
    }

    /** The cart with today's prices and stock; archived products are removed (and named in the view). */
    @Transactional
    public CartView view(CartKey key) {
        Currency currency = settings.current().currency();
        List<Item> items = items(key);
        Map<Long, ProductSummary> byId = products.findAll(items.stream().map(Item::productId).toList())
                .stream().collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        List<Line> lines = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Money goods = Money.zero(currency);
        for (Item item : items) {
            ProductSummary product = byId.get(item.productId());
            if (product == null || !product.onSale()) {
                if (product != null) {
                    removed.add(product.name());
                }
                remove(key, item.productId());
                continue;
            }
            Money lineTotal = product.price().times(item.quantity());
            String problem = null;
            Object[] args = null;
            if (product.stock() <= 0) {
                problem = "order.cart.soldOut";
            } else if (product.stock() < item.quantity()) {
                problem = "order.cart.onlyLeft";
                args = new Object[] {product.stock()};
            }
            lines.add(new Line(product, item.quantity(), lineTotal, problem, args));
            goods = goods.plus(lineTotal);
        }
        return new CartView(List.copyOf(lines), goods, List.copyOf(removed));
    }

    /** Which cart a key names, as a condition on {@code cart c} with the parameter {@code :owner}. */
    private record Owner(String condition, Object value) {
    }

    /** The key's cart owner; null for a visitor without a token, who has no cart. */
    private static @Nullable Owner owner(CartKey key) {
        if (key.customerId() != null) {
            return new Owner("c.customer_id = :owner", key.customerId());
        }
        if (key.token() != null && !key.token().isBlank()) {
            return new Owner("c.token = :owner", key.token());
        }
        return null;
    }

    private Optional<Long> cartId(CartKey key) {
        Owner owner = owner(key);
        return owner == null ? Optional.empty() : jdbc.sql("SELECT c.id FROM cart c WHERE " + owner.condition())
                .param("owner", owner.value()).query(Long.class).optional();
    }

    private long cartIdOrCreate(CartKey key) {
        Optional<Long> existing = cartId(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        insertCart(key);
        return cartId(key).orElseThrow();
    }

    /** Makes the key's cart; false when another request made it first (two tabs): then that row is used. */
    private boolean insertCart(CartKey key) {
        if (key.customerId() == null && (key.token() == null || key.token().isBlank())) {
            throw new IllegalArgumentException("A visitor cart needs a token");
        }
        return jdbc.sql("INSERT INTO cart (token, customer_id, updated_at) VALUES (:t, :c, :at) ON CONFLICT DO NOTHING")
                .param("t", key.customerId() == null ? key.token() : null)
                .param("c", key.customerId())
                .param("at", Timestamp.from(clock.instant()))
                .update() > 0;
    }

    private int quantityIn(long cart, long productId) {
        return lineQuantity(cart, productId).orElse(0);
    }

    private Optional<Integer> lineQuantity(long cart, long productId) {
        return jdbc.sql("SELECT quantity FROM cart_item WHERE cart_id = :cart AND product_id = :p")
                .param("cart", cart).param("p", productId).query(Integer.class).optional();
    }

    /** A new line; the cart's time is set too unless the cart was made in this transaction with it. */
    private void insertLine(long cart, long productId, int quantity, boolean touchCart) {
        jdbc.sql("INSERT INTO cart_item (cart_id, product_id, quantity, added_at) VALUES (:cart, :p, :q, :at)")
                .param("cart", cart).param("p", productId).param("q", quantity)
                .param("at", Timestamp.from(clock.instant())).update();
        if (touchCart) {
            touch(cart);
        }
    }

    private void put(long cart, long productId, int quantity) {
        int updated = jdbc.sql("UPDATE cart_item SET quantity = :q WHERE cart_id = :cart AND product_id = :p")
                .param("q", quantity).param("cart", cart).param("p", productId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO cart_item (cart_id, product_id, quantity, added_at) VALUES (:cart, :p, :q, :at)")
                    .param("cart", cart).param("p", productId).param("q", quantity)
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        touch(cart);
    }

    private void touch(long cart) {
        jdbc.sql("UPDATE cart SET updated_at = :at WHERE id = :id").param("at", Timestamp.from(clock.instant()))
                .param("id", cart).update();
    }
}
