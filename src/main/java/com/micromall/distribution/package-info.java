/**
 * Distribution: sharing, earning and paying out, as nested modules that depend one way,
 * {@code dashboard → reporting → payout → ledger → policy → experiments → invitations → referral}, with
 * {@code crediting} (the rules for when commission is booked into the ledger), the distributor's {@code rewards} page,
 * the owner's {@code rules} page and the owner's {@code oversight} (holds and reconciliation) on top, and the fraud
 * signals of {@code abuse} beside the chain (crediting asks them, payout answers them). Each owns its tables and its
 * migration folder ({@code db/migration/distribution/<module>}); one asks another only through its top-level package.
 * This package is what other modules see: the events distribution publishes and the buyer's own share link
 * ({@link com.micromall.distribution.ShareInvitations}), and binding a customer to a sharer they bought through
 * ({@link com.micromall.distribution.SharerBinding}, for group buys). Listens to {@code customer} and {@code order} events and
 * implements order's checkout discount SPI.
 */
@ApplicationModule(displayName = "Distribution", allowedDependencies = {"shared", "settings", "customer", "catalog", "order"})
@NullMarked
package com.micromall.distribution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
