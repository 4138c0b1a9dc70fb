package com.micromall.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Checkouts that run at the same moment, on the real PostgreSQL, through the checkout form. */
@MicromallTest
class ConcurrentCheckoutTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    private void addToCart(TestCustomer who, long product, int quantity) throws Exception {
        mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", "" + quantity)
                .with(user(who.principal())).with(csrf()));
    }

    /** Sends the checkout form as a tab with its own checkout token does. */
    private MvcResult place(TestCustomer buyer, String token) throws Exception {
        return mvc.perform(post("/checkout").with(user(buyer.principal())).with(csrf())
                .param("checkoutToken", token).param("paymentMethod", "BANK_TRANSFER")
                .param("recipient", buyer.name()).param("phone", "555").param("line1", "1 Road")
                .param("city", "Suzhou").param("postalCode", "215000").param("country", "China")).andReturn();
    }

    private long ordersOf(TestCustomer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :c").param("c", customer.id())
                .query(Long.class).single();
    }

    @Test
    void twoTabsSubmittingOneCartWithTheirOwnTokensMakeOneOrderAndTheSecondTabIsToldSo() throws Exception {
        long product = fixtures.product("Single", "12.00", 5);
        TestCustomer buyer = fixtures.customer("Two tabs");
        addToCart(buyer, product, 1);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<MvcResult>> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String token = UUID.randomUUID().toString();
                tabs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        return place(buyer, token);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (CompletableFuture<MvcResult> tab : tabs) {
                responses.add(tab.get(30, TimeUnit.SECONDS).getResponse());
            }

            assertThat(ordersOf(buyer)).isEqualTo(1);
            assertThat(fixtures.stock(product)).isEqualTo(4);
            String number = jdbc.sql("SELECT number FROM shop_order WHERE customer_id = :c").param("c", buyer.id())
                    .query(String.class).single();
            assertThat(responses).extracting(MockHttpServletResponse::getRedirectedUrl)
                    .containsExactlyInAnyOrder("/orders/" + number + "/confirmation", "/cart");
            MvcResult second = tabs.stream().map(CompletableFuture::join)
                    .filter(r -> "/cart".equals(r.getResponse().getRedirectedUrl())).findFirst().orElseThrow();
            assertThat(second.getFlashMap().get("flashError")).isEqualTo("order.checkout.alreadyOrdered");
            assertThat((Object[]) second.getFlashMap().get("flashArgs")).containsExactly(number);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Carts {A, B} and {B, A} checked out at the same moment. The interleaving that would deadlock is forced: the
     * test holds A, the first checkout waits for A, the second (by cart order) takes B and waits for A too; when
     * A is free, the first would take A and then wait for B. Taking stock rows in one order makes both succeed.
     */
    @Test
    void checkoutsOfTheSameProductsInOppositeCartOrderBothSucceedAndTheStockIsExact() throws Exception {
        long a = fixtures.product("Stock A", "3.00", 10);
        long b = fixtures.product("Stock B", "4.00", 10);
        TestCustomer first = fixtures.customer("A then B");
        TestCustomer second = fixtures.customer("B then A");
        addToCart(first, a, 1);
        addToCart(first, b, 1);
        addToCart(second, b, 1);
        addToCart(second, a, 1);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CompletableFuture<MvcResult> firstCheckout;
        CompletableFuture<MvcResult> secondCheckout;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM product WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, a);
                lock.executeQuery().close();
            }
            firstCheckout = CompletableFuture.supplyAsync(() -> placeQuietly(first), pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForStock() == 1);
            secondCheckout = CompletableFuture.supplyAsync(() -> placeQuietly(second), pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForStock() == 2);
            holder.rollback();
        }
        try {
            assertThat(List.of(firstCheckout.get(30, TimeUnit.SECONDS), secondCheckout.get(30, TimeUnit.SECONDS)))
                    .allSatisfy(result -> {
                        assertThat(result.getResponse().getStatus()).isEqualTo(302);
                        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/confirmation");
                    });
        } finally {
            pool.shutdownNow();
        }
        assertThat(ordersOf(first)).isEqualTo(1);
        assertThat(ordersOf(second)).isEqualTo(1);
        assertThat(fixtures.stock(a)).isEqualTo(8);
        assertThat(fixtures.stock(b)).isEqualTo(8);
    }

    private MvcResult placeQuietly(TestCustomer buyer) {
        try {
            return place(buyer, UUID.randomUUID().toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long waitingForStock() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE product SET stock%'""")
                .query(Long.class).single();
    }
}
