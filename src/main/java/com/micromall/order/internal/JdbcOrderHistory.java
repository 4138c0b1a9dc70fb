package com.micromall.order.internal;

import com.micromall.order.OrderHistory;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class JdbcOrderHistory implements OrderHistory {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public boolean hasOrdersOtherThanCancelled(long customerId) {
        return jdbc.sql("SELECT count(*) FROM shop_order WHERE customer_id = :id AND status <> 'CANCELLED'")
                .param("id", customerId).query(Long.class).single() > 0;
    }
}
