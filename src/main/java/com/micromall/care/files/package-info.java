@NullMarked
package com.micromall.care.files;

import org.jspecify.annotations.NullMarked;
