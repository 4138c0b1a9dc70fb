package com.micromall.distribution.oversight;

import com.micromall.distribution.ledger.CommissionEntry;
import com.micromall.distribution.ledger.EntryBook;
import com.micromall.distribution.ledger.LedgerState;
import com.micromall.settings.AuditLog;
import com.micromall.shared.NotFoundException;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's decisions on held entries: release or void, each audited. */
@Service
@RequiredArgsConstructor
public class LedgerAdministration {

    private final EntryBook book;
    private final AuditLog auditLog;
    private final Clock clock;

    /** ON_HOLD → FROZEN, or AVAILABLE when its return window is already over. */
    @Transactional
    public void release(long entryId, String owner) {
        CommissionEntry entry = commission(entryId);
        LedgerState before = entry.state();
        entry.release(clock.instant(), "released by the owner");
        book.save(entry);
        auditLog.record(owner, "distribution.entry.release", "commission_entry:" + entryId, before.name(),
                entry.state().name());
    }

    /** FROZEN or ON_HOLD → VOID, with the owner's reason. */
    @Transactional
    public void voidEntry(long entryId, String reason, String owner) {
        CommissionEntry entry = commission(entryId);
        LedgerState before = entry.state();
        entry.voidWith(reason);
        book.save(entry);
        auditLog.record(owner, "distribution.entry.void", "commission_entry:" + entryId, before.name(),
                LedgerState.VOID.name() + " " + reason);
    }

    private CommissionEntry commission(long entryId) {
        return book.load(entryId).orElseThrow(() -> new NotFoundException("commission entry " + entryId));
    }
}
