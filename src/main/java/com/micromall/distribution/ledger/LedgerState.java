package com.micromall.distribution.ledger;

import java.util.EnumSet;
import java.util.Set;

/** The states of a ledger entry and the only moves between them (DESIGN.md, "Distribution rules"). */
public enum LedgerState {
    FROZEN, AVAILABLE, ON_HOLD, REVERSED, VOID;

    Set<LedgerState> next() {
        return switch (this) {
            case FROZEN -> EnumSet.of(AVAILABLE, REVERSED, VOID, ON_HOLD);
            case ON_HOLD -> EnumSet.of(FROZEN, AVAILABLE, REVERSED, VOID);
            case AVAILABLE, REVERSED, VOID -> EnumSet.noneOf(LedgerState.class);
        };
    }

    boolean canMoveTo(LedgerState target) {
        return next().contains(target);
    }

    /** Throws when the move is not allowed. */
    void requireMoveTo(LedgerState target) {
        if (!canMoveTo(target)) {
            throw new LedgerStateException(this + " -> " + target + " is not allowed");
        }
    }
}
