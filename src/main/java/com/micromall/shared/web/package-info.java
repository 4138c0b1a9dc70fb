@NullMarked
package com.micromall.shared.web;

import org.jspecify.annotations.NullMarked;
