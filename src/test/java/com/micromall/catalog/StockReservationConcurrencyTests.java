package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.MicromallTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** DESIGN.md: no oversell. Checked on the real PostgreSQL with real threads and transactions. */
@MicromallTest
class StockReservationConcurrencyTests {

    @Autowired
    ProductApi products;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyConcurrentReservationsOfFiveInStockSucceedExactlyFiveTimes() throws Exception {
        CatalogFixtures fixtures = new CatalogFixtures(jdbc);
        long id = fixtures.product("Scarce " + CatalogFixtures.token(), null, "30.00", 5);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return transactions.execute(status -> products.reserveStock(id, 1));
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                if (Boolean.TRUE.equals(result.get(30, TimeUnit.SECONDS))) {
                    succeeded++;
                }
            }
            assertThat(succeeded).isEqualTo(5);
            assertThat(fixtures.stockOf(id)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
