@NullMarked
package com.micromall.customer.internal;

import org.jspecify.annotations.NullMarked;
