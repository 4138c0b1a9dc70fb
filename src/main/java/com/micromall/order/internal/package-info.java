/** The order module's inner workings: cart, checkout, the order aggregate, scheduled jobs. */
@NullMarked
package com.micromall.order.internal;

import org.jspecify.annotations.NullMarked;
