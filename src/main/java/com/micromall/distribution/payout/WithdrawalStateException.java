package com.micromall.distribution.payout;

/** The owner tried to decide a withdrawal that is no longer REQUESTED (someone decided it first). */
public class WithdrawalStateException extends RuntimeException {

    private final WithdrawalState state;

    WithdrawalStateException(WithdrawalState state, String step) {
        super("A " + state + " withdrawal cannot be " + step);
        this.state = state;
    }

    public WithdrawalState state() {
        return state;
    }
}
