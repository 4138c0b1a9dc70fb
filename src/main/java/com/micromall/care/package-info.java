/**
 * Looking after customers so that pleased ones share: satisfaction after an order, follow-up tasks for unhappy
 * answers, customer files with notes and tags, return visits for products that need them, and the shop's staff with
 * their codes. Listens to order and distribution events and reads their APIs; neither of them knows this module.
 */
@ApplicationModule(displayName = "Care",
        allowedDependencies = {"shared", "settings", "catalog", "customer", "order", "distribution"})
@NullMarked
package com.micromall.care;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
