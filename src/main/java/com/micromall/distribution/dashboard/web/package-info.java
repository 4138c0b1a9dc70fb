@NullMarked
package com.micromall.distribution.dashboard.web;

import org.jspecify.annotations.NullMarked;
