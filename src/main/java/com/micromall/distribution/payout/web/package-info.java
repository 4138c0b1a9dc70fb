@NullMarked
package com.micromall.distribution.payout.web;

import org.jspecify.annotations.NullMarked;
