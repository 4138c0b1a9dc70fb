@NullMarked
package com.micromall.distribution.policy.web;

import org.jspecify.annotations.NullMarked;
