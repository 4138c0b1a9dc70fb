package com.micromall.distribution.payout;

/** REQUESTED → PAID (with the payment reference) or REJECTED (with the reason; the money is available again). */
public enum WithdrawalState { REQUESTED, PAID, REJECTED }
