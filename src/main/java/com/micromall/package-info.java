@NullMarked
package com.micromall;

import org.jspecify.annotations.NullMarked;
