package com.micromall.loyalty.points;

import com.micromall.loyalty.levels.EarnedPoints;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What member levels count when the owner measures them in points: every point earned (own orders, friends' first
 * orders, commission taken as points) in the window, less the reversals and clawbacks of those earnings. Spending or
 * expiring points later does not lower a level: they were earned.
 */
@Component
@RequiredArgsConstructor
class LevelPoints implements EarnedPoints {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public long earnedBetween(long customerId, Instant since, Instant now) {
        long net = jdbc.sql("""
                        SELECT COALESCE(SUM(e.points), 0) FROM loyalty_points_entry e
                        JOIN loyalty_points_entry earned ON earned.id = COALESCE(e.parent_id, e.id)
                        WHERE earned.customer_id = :c AND earned.kind = 'EARNED'
                          AND earned.created_at > :since AND earned.created_at <= :now""")
                .param("c", customerId).param("since", Timestamp.from(since)).param("now", Timestamp.from(now))
                .query(Long.class).single();
        return Math.max(net, 0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> earnersBetween(Instant since, Instant now) {
        return jdbc.sql("""
                        SELECT DISTINCT customer_id FROM loyalty_points_entry
                        WHERE kind = 'EARNED' AND created_at > :since AND created_at <= :now ORDER BY customer_id""")
                .param("since", Timestamp.from(since)).param("now", Timestamp.from(now)).query(Long.class).list();
    }
}
