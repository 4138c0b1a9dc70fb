package com.micromall.loyalty.points;

/** Where an entry's points count: frozen, available, or nowhere (an earning reversed with its reversals). */
public enum PointsState {
    FROZEN, AVAILABLE, REVERSED
}
