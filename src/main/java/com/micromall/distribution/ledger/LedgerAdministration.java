package com.micromall.distribution.ledger;

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

    private final CommissionLedger ledger;
    private final AuditLog auditLog;
    private final Clock clock;

    /** ON_HOLD → FROZEN, or AVAILABLE when its return window is already over. */
    @Transactional
    public void release(long entryId, String owner) {
        CommissionLedger.Entry entry = commission(entryId);
        LedgerState target = entry.unfreezesAt().isAfter(clock.instant()) ? LedgerState.FROZEN : LedgerState.AVAILABLE;
        if (entry.state() != LedgerState.ON_HOLD) {
            throw new LedgerStateException(entry.state() + " cannot be released");
        }
        entry.state().requireMoveTo(target);
        ledger.moveGroup(entryId, LedgerState.ON_HOLD, target, "released by the owner");
        auditLog.record(owner, "distribution.entry.release", "commission_entry:" + entryId,
                LedgerState.ON_HOLD.name(), target.name());
    }

    /** FROZEN or ON_HOLD → VOID, with the owner's reason. */
    @Transactional
    public void voidEntry(long entryId, String reason, String owner) {
        CommissionLedger.Entry entry = commission(entryId);
        entry.state().requireMoveTo(LedgerState.VOID);
        ledger.moveGroup(entryId, entry.state(), LedgerState.VOID, "voided: " + reason);
        auditLog.record(owner, "distribution.entry.void", "commission_entry:" + entryId, entry.state().name(),
                LedgerState.VOID.name() + " " + reason);
    }

    private CommissionLedger.Entry commission(long entryId) {
        return ledger.entry(entryId).filter(e -> e.kind().equals("COMMISSION")).orElseThrow(() -> new NotFoundException("commission entry " + entryId));
    }
}
