@NullMarked
package com.micromall.distribution.reporting.web;

import org.jspecify.annotations.NullMarked;
