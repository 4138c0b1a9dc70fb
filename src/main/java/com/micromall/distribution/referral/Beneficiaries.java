package com.micromall.distribution.referral;

import java.util.Optional;

/**
 * Who may earn from a buyer's order: level 1 is the buyer's referrer, level 2 that referrer's
 * referrer. Only ACTIVE distributors appear; a bound referrer who is suspended or not (yet)
 * enrolled earns nothing, though the buyer stays bound to them. There is no level 3.
 */
public record Beneficiaries(Optional<Long> level1, Optional<Long> level2) {

    static final Beneficiaries NONE = new Beneficiaries(Optional.empty(), Optional.empty());
}
