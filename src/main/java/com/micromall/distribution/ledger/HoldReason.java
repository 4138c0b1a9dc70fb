package com.micromall.distribution.ledger;

import com.micromall.distribution.abuse.AbuseSignal;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a new entry waits for the owner instead of freezing. An entry keeps every reason found, comma-separated, by name:
 * each {@link AbuseSignal} holds under the reason of its own name.
 */
enum HoldReason {
    SHARED_DEVICE, SHARED_NETWORK, SHARED_ADDRESS, SHARED_PAYOUT_ACCOUNT, SAME_EMAIL, BUDGET, UNVERIFIED_REFEREE;

    /** The reasons the guard's signals hold an entry for, in the same order. */
    static Set<HoldReason> of(Collection<AbuseSignal> signals) {
        Set<HoldReason> reasons = EnumSet.noneOf(HoldReason.class);
        signals.forEach(signal -> reasons.add(valueOf(signal.name())));
        return reasons;
    }

    static String stored(Collection<HoldReason> reasons) {
        return reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The stored reasons as names, in the order found; an older entry holds just one. */
    static List<String> names(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
