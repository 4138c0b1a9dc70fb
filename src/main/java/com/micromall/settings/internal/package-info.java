@NullMarked
package com.micromall.settings.internal;

import org.jspecify.annotations.NullMarked;
