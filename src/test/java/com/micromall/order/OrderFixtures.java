package com.micromall.order;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Test data for order tests, inserted straight into the catalog and customer tables; unique per call. */
public final class OrderFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    public record TestCustomer(long id, String email, String password, String name, CustomerPrincipal principal) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public OrderFixtures(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet();
    }

    public long product(String name, String price, int stock) {
        String slug = unique("cat").toLowerCase();
        jdbc.sql("INSERT INTO category (name, slug) VALUES (:n, :s)").param("n", slug).param("s", slug).update();
        long category = jdbc.sql("SELECT id FROM category WHERE slug = :s").param("s", slug).query(Long.class).single();
        String unique = unique(name);
        jdbc.sql("""
                INSERT INTO product (category_id, name, description, price, stock, created_at)
                VALUES (:c, :n, 'test', :p, :s, :at)""")
                .param("c", category).param("n", unique).param("p", new BigDecimal(price)).param("s", stock)
                .param("at", Timestamp.from(Instant.now())).update();
        return jdbc.sql("SELECT id FROM product WHERE name = :n").param("n", unique).query(Long.class).single();
    }

    public String productName(long productId) {
        return jdbc.sql("SELECT name FROM product WHERE id = :id").param("id", productId).query(String.class).single();
    }

    public int stock(long productId) {
        return jdbc.sql("SELECT stock FROM product WHERE id = :id").param("id", productId).query(Integer.class).single();
    }

    public void archive(long productId) {
        jdbc.sql("UPDATE product SET archived = TRUE WHERE id = :id").param("id", productId).update();
    }

    public TestCustomer customer(String name) {
        String email = unique("buyer").toLowerCase() + "@example.com";
        String password = "secret-" + SEQUENCE.incrementAndGet();
        String hash = encoder.encode(password);
        jdbc.sql("""
                INSERT INTO customer (email, password_hash, name, phone, wechat_id, role, created_at, email_verified_at)
                VALUES (:e, :h, :n, '555-0100', 'wx_test', 'CUSTOMER', :at, :at)""")
                .param("e", email).param("h", hash).param("n", name).param("at", Timestamp.from(Instant.now())).update();
        long id = jdbc.sql("SELECT id FROM customer WHERE email = :e").param("e", email).query(Long.class).single();
        CustomerPrincipal principal = new CustomerPrincipal(id, email, hash, name,
                List.of(new SimpleGrantedAuthority(Role.CUSTOMER.authority())));
        return new TestCustomer(id, email, password, name, principal);
    }

    public long address(long customerId) {
        jdbc.sql("""
                INSERT INTO customer_address (customer_id, recipient, phone, line1, city, postal_code, country, is_default)
                VALUES (:c, 'Saved Recipient', '555-0101', '9 Saved Road', 'Hangzhou', '310000', 'China', TRUE)""")
                .param("c", customerId).update();
        return jdbc.sql("SELECT MAX(id) FROM customer_address WHERE customer_id = :c").param("c", customerId)
                .query(Long.class).single();
    }

    public CustomerPrincipal owner() {
        long id = jdbc.sql("SELECT id FROM customer WHERE email = 'owner@demo.micromall'").query(Long.class).single();
        return new CustomerPrincipal(id, "owner@demo.micromall", "x", "Demo Owner",
                List.of(new SimpleGrantedAuthority(Role.OWNER.authority())));
    }
}
