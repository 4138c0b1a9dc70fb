@NullMarked
package com.micromall.care.visits;

import org.jspecify.annotations.NullMarked;
