@NullMarked
package com.micromall.catalog.internal;

import org.jspecify.annotations.NullMarked;
