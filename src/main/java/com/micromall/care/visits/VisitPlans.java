package com.micromall.care.visits;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's return-visit plan per product: every few months, a few times, for a stated purpose. */
@Service
@RequiredArgsConstructor
public class VisitPlans {

    public static final int MAX_INTERVAL_MONTHS = 36;
    public static final int MAX_VISITS = 20;
    public static final int MAX_DESCRIPTION = 200;

    public record Plan(long productId, int intervalMonths, int visits, String description) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional(readOnly = true)
    public Optional<Plan> planOf(long productId) {
        return plansOf(List.of(productId)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Plan> plansOf(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT product_id, interval_months, visits, description FROM care_visit_plan "
                        + "WHERE product_id IN (:ids) ORDER BY product_id")
                .param("ids", List.copyOf(productIds))
                .query((rs, i) -> new Plan(rs.getLong("product_id"), rs.getInt("interval_months"), rs.getInt("visits"),
                        rs.getString("description")))
                .list();
    }

    /** Saving the same plan twice leaves one plan; visits already scheduled keep what they were promised. */
    @Transactional
    public void save(Plan plan, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        UPDATE care_visit_plan SET interval_months = :m, visits = :n, description = :d,
                          updated_at = :at, updated_by = :by WHERE product_id = :p""")
                .param("m", plan.intervalMonths()).param("n", plan.visits()).param("d", plan.description())
                .param("at", now).param("by", by).param("p", plan.productId()).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO care_visit_plan (product_id, interval_months, visits, description, updated_at, updated_by)
                            VALUES (:p, :m, :n, :d, :at, :by)""")
                    .param("m", plan.intervalMonths()).param("n", plan.visits()).param("d", plan.description())
                    .param("at", now).param("by", by).param("p", plan.productId()).update();
        }
    }

    @Transactional
    public void remove(long productId) {
        jdbc.sql("DELETE FROM care_visit_plan WHERE product_id = :p").param("p", productId).update();
    }
}
