@NullMarked
package com.micromall.loyalty.levels.web;

import org.jspecify.annotations.NullMarked;
