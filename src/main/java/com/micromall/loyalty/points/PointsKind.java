package com.micromall.loyalty.points;

/** What a points entry records; earned and returned points are positive, everything else negative. */
public enum PointsKind {
    /** Earned on an order, for a friend's first order, or from an outside source: frozen first. */
    EARNED,
    /** Taken back before the earning became available: shares its state. */
    REVERSAL,
    /** Taken back after the earning became available. */
    CLAWBACK,
    /** Spent at checkout. */
    SPENT,
    /** Spent points given back when their order was cancelled or refunded. */
    RETURNED,
    /** Run out, oldest first. */
    EXPIRED,
    /** Traded for a voucher. */
    REDEEMED
}
