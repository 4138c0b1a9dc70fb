/**
 * E-mails: order confirmation with the buyer's own share link, commission earned,
 * withdrawal paid. Listens to events; never blocks the action that caused them.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"shared", "settings", "customer", "order", "distribution"})
@NullMarked
package com.micromall.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
