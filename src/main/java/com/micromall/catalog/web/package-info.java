@NullMarked
package com.micromall.catalog.web;

import org.jspecify.annotations.NullMarked;
