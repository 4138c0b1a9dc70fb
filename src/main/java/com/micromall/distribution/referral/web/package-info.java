@NullMarked
package com.micromall.distribution.referral.web;

import org.jspecify.annotations.NullMarked;
