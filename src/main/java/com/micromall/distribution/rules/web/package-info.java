@NullMarked
package com.micromall.distribution.rules.web;

import org.jspecify.annotations.NullMarked;
