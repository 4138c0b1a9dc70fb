@NullMarked
package com.micromall.distribution.rewards.web;

import org.jspecify.annotations.NullMarked;
