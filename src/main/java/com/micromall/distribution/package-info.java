/**
 * Referral codes and links, clicks, binding referee to referrer, commission policy, the
 * commission ledger, balances and withdrawals. Listens to {@code customer} and {@code order} events.
 */
@ApplicationModule(displayName = "Distribution", allowedDependencies = {"shared", "settings", "customer", "catalog", "order"})
@NullMarked
package com.micromall.distribution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
