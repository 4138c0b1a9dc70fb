@NullMarked
package com.micromall.distribution.internal;

import org.jspecify.annotations.NullMarked;
