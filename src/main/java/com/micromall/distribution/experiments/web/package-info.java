@NullMarked
package com.micromall.distribution.experiments.web;

import org.jspecify.annotations.NullMarked;
