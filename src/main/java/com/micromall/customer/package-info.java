/**
 * Accounts: registration, login, profile (name, e-mail, phone, WeChat ID) and addresses.
 * Publishes {@code CustomerRegistered}.
 */
@ApplicationModule(displayName = "Customer", allowedDependencies = {"shared", "settings"})
@NullMarked
package com.micromall.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
