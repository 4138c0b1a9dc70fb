package com.micromall.distribution.referral;

/** A distributor status change that is not allowed from the current status (e.g. approving an active one). */
public class DistributorStateException extends RuntimeException {

    DistributorStateException(DistributorStatus from, String step) {
        super("Cannot " + step + " a " + from + " distributor");
    }
}
