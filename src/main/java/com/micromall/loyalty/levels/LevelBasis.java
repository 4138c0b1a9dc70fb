package com.micromall.loyalty.levels;

/** What the owner's level thresholds measure over a rolling 12 months. */
public enum LevelBasis {
    /** Goods paid after discounts, without shipping, refunds taken off; thresholds are amounts. */
    SPEND,
    /** Points earned, what was taken back on refunds taken off; thresholds are whole points. */
    POINTS
}
