/**
 * E-mails, each in the reader's language and sent once per event, recipient and kind: order mails (placed and
 * completed carry the buyer's own share link, QR code and the friend's benefit), account links, and the distributor's
 * mails (commission earned, now withdrawable, withdrawal paid or rejected, welcome). Listens to events and reads
 * distribution only through its API; never blocks the action that caused a mail.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"shared", "settings", "customer", "order", "distribution", "care", "loyalty", "groupbuy"})
@NullMarked
package com.micromall.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
