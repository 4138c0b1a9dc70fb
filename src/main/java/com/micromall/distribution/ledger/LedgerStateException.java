package com.micromall.distribution.ledger;

/** A ledger entry was asked to move to a state it cannot reach from its current one. */
public class LedgerStateException extends RuntimeException {

    LedgerStateException(String message) {
        super(message);
    }
}
