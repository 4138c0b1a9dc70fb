package com.micromall.loyalty.points;

import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionClawedBack;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.RewardForm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A sharer's commission taken as points, paid into their points book. The ledger keeps such an entry in money through
 * its whole life; when it becomes available (its return window over, refunds before then already taken off) it is
 * paid as the points its money buys with the bonus promised when it was credited, and a clawback after that takes
 * back the same share of those points. Reversals and voids happen before an entry is available, so they never reach
 * points.
 */
@Component
@RequiredArgsConstructor
class CommissionPoints {

    static final String KEY = "commission:";

    private final JdbcClient jdbc;
    private final PointsBook book;
    private final PointsSettingsService settings;
    private final java.time.Clock clock;

    /**
     * Keeps the bonus promised at crediting, in the ledger's own transaction: an entry that is available at once (no
     * return window) is announced in that same transaction, and its points must find the bonus.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onCredited(CommissionCredited event) {
        if (event.rewardForm() != RewardForm.POINTS) {
            return;
        }
        for (long entryId : event.entryIds()) {
            jdbc.sql("""
                    INSERT INTO loyalty_points_commission (entry_id, customer_id, bonus_percent) VALUES (:e, :c, :b)
                    ON CONFLICT DO NOTHING""")
                    .param("e", entryId).param("c", event.distributorId()).param("b", event.bonusPercent()).update();
        }
    }

    @ApplicationModuleListener
    void onAvailable(CommissionAvailable event) {
        if (event.rewardForm() != RewardForm.POINTS) {
            return;
        }
        PointsSettings terms = settings.current();
        for (CommissionAvailable.Entry entry : event.pointsEntries()) {
            BigDecimal bonus = jdbc.sql("SELECT bonus_percent FROM loyalty_points_commission WHERE entry_id = :e")
                    .param("e", entry.entryId()).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
            long points = entry.amount().amount().multiply(BigDecimal.ONE.add(bonus.movePointLeft(2)))
                    .divide(terms.pointValue(), 0, RoundingMode.DOWN).longValueExact();
            boolean known = jdbc.sql("UPDATE loyalty_points_commission SET paid = :paid WHERE entry_id = :e")
                    .param("e", entry.entryId()).param("paid", entry.amount().amount()).update() > 0;
            if (!known) { // credited before this book kept bonuses: paid without one
                jdbc.sql("""
                        INSERT INTO loyalty_points_commission (entry_id, customer_id, bonus_percent, paid)
                        VALUES (:e, :c, 0, :paid) ON CONFLICT DO NOTHING""")
                        .param("e", entry.entryId()).param("c", event.distributorId())
                        .param("paid", entry.amount().amount()).update();
            }
            book.recordAvailable(event.distributorId(), KEY + entry.entryId(), points,
                    book.expiry(terms, clock.instant()));
        }
    }

    /** Takes back the share of the entry's points that the money clawed back so far is of the money paid as points. */
    @ApplicationModuleListener
    void onClawedBack(CommissionClawedBack event) {
        if (event.rewardForm() != RewardForm.POINTS) {
            return;
        }
        boolean first = jdbc.sql("INSERT INTO loyalty_points_commission_clawback (clawback_entry_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .param("id", event.entryId()).update() > 0;
        if (!first) {
            return;
        }
        jdbc.sql("UPDATE loyalty_points_commission SET clawed_back = clawed_back + :m WHERE entry_id = :e")
                .param("m", event.amount().amount().abs()).param("e", event.commissionEntryId()).update();
        record Paid(BigDecimal paid, BigDecimal clawedBack) {
        }
        Optional<Paid> paid = jdbc.sql("""
                        SELECT paid, clawed_back FROM loyalty_points_commission WHERE entry_id = :e AND paid IS NOT NULL""")
                .param("e", event.commissionEntryId())
                .query((rs, i) -> new Paid(rs.getBigDecimal("paid"), rs.getBigDecimal("clawed_back"))).optional();
        paid.ifPresent(p -> book.takeBackShare(KEY + event.commissionEntryId(), "clawback:" + event.entryId(),
                p.clawedBack(), p.paid()));
    }
}
