package com.micromall.distribution.ledger;

/** What a ledger entry records: a commission earned (positive), or a share of it taken back (negative). */
public enum EntryKind {
    /** Earned on a completed order line. */
    COMMISSION,
    /** Refunded before the commission became available: shares the commission's state. */
    REVERSAL,
    /** Refunded after the commission became available: lowers the available balance. */
    CLAWBACK
}
