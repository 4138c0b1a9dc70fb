package com.micromall.groupbuy;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.PaymentMethod;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Group buy test data: an offer on a fresh product, and purchases with a typed address. */
final class GroupBuyFixtures {

    final OrderFixtures orders;
    private final GroupOffers offers;
    private final JdbcClient jdbc;

    GroupBuyFixtures(OrderFixtures orders, GroupOffers offers, JdbcClient jdbc) {
        this.orders = orders;
        this.offers = offers;
        this.jdbc = jdbc;
    }

    /** A product at 100.00 with this stock, offered in groups of {@code size} at 80.00 for 24 h. */
    long offer(int size, int stock, OnExpiry onExpiry) {
        long product = orders.product("Group honey", "100.00", stock);
        offers.save(new GroupOfferTerms(product, true, size, Money.of(new BigDecimal("80.00"), Currency.getInstance("CNY")),
                24, onExpiry), "owner@test");
        return product;
    }

    /** The distributor with a code of the shop's alphabet, as a share link carries it. */
    TestCustomer shareable(TestCustomer distributor) {
        jdbc.sql("UPDATE distributor SET code = :code WHERE customer_id = :c")
                .param("code", com.micromall.shared.PersonalCodes.next()).param("c", distributor.id()).update();
        return distributor;
    }

    static GroupBuying.Purchase purchase(TestCustomer buyer) {
        return new GroupBuying.Purchase(buyer.id(), UUID.randomUUID().toString(), null,
                new com.micromall.customer.NewAddress(buyer.name(), "555", "1 Road", null, "Suzhou", "215000", "China"),
                PaymentMethod.BANK_TRANSFER);
    }

    String state(long groupId) {
        return jdbc.sql("SELECT state FROM groupbuy_group WHERE id = :id").param("id", groupId).query(String.class).single();
    }

    int held(long groupId) {
        return jdbc.sql("SELECT held_units FROM groupbuy_group WHERE id = :id").param("id", groupId)
                .query(Integer.class).single();
    }

    java.util.List<String> orderNumbers(long groupId) {
        return jdbc.sql("SELECT order_number FROM groupbuy_member WHERE group_id = :id ORDER BY position")
                .param("id", groupId).query(String.class).list();
    }

    String orderStatus(String number) {
        return jdbc.sql("SELECT status FROM shop_order WHERE number = :n").param("n", number).query(String.class).single();
    }

    long ordersOf(TestCustomer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", customer.id())
                .query(Long.class).single();
    }

    java.time.Instant expiresAt(long groupId) {
        return jdbc.sql("SELECT expires_at FROM groupbuy_group WHERE id = :id").param("id", groupId)
                .query(java.sql.Timestamp.class).single().toInstant();
    }
}
