package com.micromall.loyalty.levels;

/** What the owner's level thresholds measure. */
public enum LevelBasis {
    /** Goods paid in a rolling 12 months after discounts, without shipping, refunds taken off; thresholds are amounts. */
    SPEND,
    /** The same, for every order completed since the shop's levels began; thresholds are amounts. */
    LIFETIME,
    /** Points earned in a rolling 12 months, what refunds took back taken off; thresholds are whole points. */
    POINTS
}
