package com.micromall.distribution.ledger;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a new entry waits for the owner instead of freezing. An entry keeps every reason found, comma-separated, by name;
 * crediting holds each abuse signal under the reason of its own name.
 */
public enum HoldReason {
    SHARED_DEVICE, SHARED_NETWORK, SHARED_ADDRESS, SHARED_PAYOUT_ACCOUNT, SAME_EMAIL, BUDGET, UNVERIFIED_REFEREE;

    /** The reasons as stored on an entry, in the order given. */
    public static String stored(Collection<HoldReason> reasons) {
        return reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The stored reasons as names, in the order found; an older entry holds just one. */
    public static List<String> names(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
