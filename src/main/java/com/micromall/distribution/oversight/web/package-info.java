@NullMarked
package com.micromall.distribution.oversight.web;

import org.jspecify.annotations.NullMarked;
