package com.micromall.distribution.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves every FROZEN entry whose return window is over to AVAILABLE: two set-based statements
 * (timeline lines, then the state), however many entries are due. REPEATABLE READ makes both
 * statements see the same due rows; ShedLock keeps it to one instance at a time.
 */
@Component
@RequiredArgsConstructor
public class UnfreezeJob {

    private static final Logger log = LoggerFactory.getLogger(UnfreezeJob.class);

    private final JdbcClient jdbc;
    private final DistributorTotals totals;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${micromall.distribution.unfreeze-interval:PT10M}")
    @SchedulerLock(name = "distribution.unfreezeDueCommissions")
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public void unfreezeDueCommissions() {
        int moved = unfreezeDue(clock.instant());
        if (moved > 0) {
            log.info("Unfroze {} commission entries", moved);
        }
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    int unfreezeDue(Instant now) {
        Timestamp at = Timestamp.from(now);
        // Totals first, set-based, from the same due rows (REPEATABLE READ: the statements see one snapshot).
        totals.unfreezeDue(at);
        jdbc.sql("""
                INSERT INTO commission_entry_event (entry_id, state, occurred_at, note)
                SELECT id, 'AVAILABLE', :at, 'return window over' FROM commission_entry
                WHERE state = 'FROZEN' AND unfreezes_at <= :at""")
                .param("at", at).update();
        return jdbc.sql("UPDATE commission_entry SET state = 'AVAILABLE' WHERE state = 'FROZEN' AND unfreezes_at <= :at")
                .param("at", at).update();
    }
}
