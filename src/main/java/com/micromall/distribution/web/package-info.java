@NullMarked
package com.micromall.distribution.web;

import org.jspecify.annotations.NullMarked;
