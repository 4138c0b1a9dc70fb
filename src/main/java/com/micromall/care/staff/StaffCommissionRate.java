package com.micromall.care.staff;

import com.micromall.distribution.StaffCommissions;
import com.micromall.settings.AuditLog;
import java.math.BigDecimal;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop-wide staff commission percent (none until the owner sets one) and, for an order being placed, the staff
 * member it is attributed to with that percent: what the ledger freezes on the order's commission terms.
 */
@Service
@RequiredArgsConstructor
public class StaffCommissionRate implements StaffCommissions {

    public static final BigDecimal MAXIMUM = BigDecimal.valueOf(50);

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    @Transactional(readOnly = true)
    public Optional<BigDecimal> current() {
        return jdbc.sql("SELECT percent FROM care_staff_commission WHERE id = 1").query(BigDecimal.class).optional();
    }

    /** Sets the percent (null: no staff commission from now on); orders placed before keep theirs. */
    @Transactional
    public void change(@Nullable BigDecimal percent, String actor) {
        String before = current().map(BigDecimal::toPlainString).orElse(null);
        jdbc.sql("UPDATE care_staff_commission SET percent = :p WHERE id = 1")
                .param("p", percent, java.sql.Types.NUMERIC).update();
        String after = current().map(BigDecimal::toPlainString).orElse(null);
        auditLog.recordChange(actor, "care.staff.commissionPercent", "shop", before, after);
    }

    /** Only an active member earns: a deactivated member's customers stay attributed, but earn them nothing more. */
    @Override
    @Transactional(readOnly = true)
    public Optional<StaffShare> forOrder(long orderId) {
        return jdbc.sql("""
                SELECT s.customer_id, r.percent FROM care_staff_order o JOIN care_staff s ON s.id = o.staff_id
                CROSS JOIN care_staff_commission r
                WHERE o.order_id = :o AND s.deactivated_at IS NULL AND r.percent > 0""")
                .param("o", orderId)
                .query((rs, i) -> new StaffShare(rs.getLong("customer_id"), rs.getBigDecimal("percent"))).optional();
    }
}
