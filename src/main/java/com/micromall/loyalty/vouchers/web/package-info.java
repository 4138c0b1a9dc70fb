@NullMarked
package com.micromall.loyalty.vouchers.web;

import org.jspecify.annotations.NullMarked;
