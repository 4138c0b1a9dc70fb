package com.micromall.groupbuy;

/** Where a group stands: open for joining, full, or past its time limit (refunded or completed). */
public enum GroupState { OPEN, FILLED, EXPIRED_REFUNDED, EXPIRED_COMPLETED }
