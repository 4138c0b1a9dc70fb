package com.micromall.distribution.reporting;

import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.CommissionVoided;
import java.math.BigDecimal;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard chart's commission per distributor and hour (report_commission_hour), kept from the ledger's facts:
 * what was credited in that hour (commission entries, held ones too) less what of it the owner voided since. The
 * chart then sums at most a few thousand rows per view, however long the distributor's history. Each fact's natural
 * key is recorded in the transaction that counts it, so a redelivered event changes nothing; sums do not mind the
 * order, so a void heard before its credit comes out right too.
 */
@Component
@RequiredArgsConstructor
class CommissionHours {

    private final JdbcClient jdbc;

    /** The bucket of an instant: whole hours since 1970-01-01T00:00Z. */
    static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }

    @ApplicationModuleListener
    void on(CommissionCredited credited) {
        credited(credited.distributorId(), credited.orderId(), credited.level(), credited.creditedAt(),
                credited.amount().plus(credited.onHold()).amount());
    }

    @ApplicationModuleListener
    void on(CommissionVoided voided) {
        voided(voided.entryId(), voided.distributorId(), voided.creditedAt(), voided.amount().amount());
    }

    /** An order's commission for one distributor at one level, credited at {@code at}: counted once. */
    @Transactional
    void credited(long distributorId, long orderId, int level, Instant at, BigDecimal amount) {
        int first = jdbc.sql("""
                INSERT INTO report_commission_credit (order_id, distributor_id, level) VALUES (:o, :d, :l)
                ON CONFLICT DO NOTHING""").param("o", orderId).param("d", distributorId).param("l", level).update();
        if (first == 1) {
            add(distributorId, hourOf(at), amount);
        }
    }

    /** A commission entry credited at {@code creditedAt} was voided: it leaves the hour it was counted in, once. */
    @Transactional
    void voided(long entryId, long distributorId, Instant creditedAt, BigDecimal amount) {
        int first = jdbc.sql("INSERT INTO report_commission_void (entry_id) VALUES (:e) ON CONFLICT DO NOTHING")
                .param("e", entryId).update();
        if (first == 1) {
            add(distributorId, hourOf(creditedAt), amount.negate());
        }
    }

    /** Insert-then-update, so two first facts of one hour never collide. */
    private void add(long distributorId, long hour, BigDecimal amount) {
        jdbc.sql("""
                INSERT INTO report_commission_hour (distributor_id, hour_no, credited) VALUES (:d, :h, 0)
                ON CONFLICT DO NOTHING""").param("d", distributorId).param("h", hour).update();
        jdbc.sql("UPDATE report_commission_hour SET credited = credited + :a WHERE distributor_id = :d AND hour_no = :h")
                .param("a", amount).param("d", distributorId).param("h", hour).update();
    }
}
