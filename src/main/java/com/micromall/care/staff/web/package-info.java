/** The owner's staff page, the staff landing page and the {@code /s/{code}} link. */
@NullMarked
package com.micromall.care.staff.web;

import org.jspecify.annotations.NullMarked;
