/** Shop and owner pages of the order module: cart, checkout, orders, admin orders and overview. */
@NullMarked
package com.micromall.order.web;

import org.jspecify.annotations.NullMarked;
