/** The shop's staff: invitations, staff codes, first-touch attribution of customers and orders, per-member figures. */
@NullMarked
package com.micromall.care.staff;

import org.jspecify.annotations.NullMarked;
