/**
 * Shop settings (name, currency, contact, shipping fee), the distribution rules and the payment instructions,
 * stored in the database and read by every module, and the audit log of who changed what.
 */
@ApplicationModule(displayName = "Settings", allowedDependencies = {"shared"})
@NullMarked
package com.micromall.settings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
