/**
 * Tiny building blocks open to every module: {@link com.micromall.shared.Money}, the clock,
 * and the web plumbing (security, languages, error pages) every page shares.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package com.micromall.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
