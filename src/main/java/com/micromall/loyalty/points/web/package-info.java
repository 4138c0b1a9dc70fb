@NullMarked
package com.micromall.loyalty.points.web;

import org.jspecify.annotations.NullMarked;
