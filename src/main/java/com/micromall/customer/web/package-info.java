@NullMarked
package com.micromall.customer.web;

import org.jspecify.annotations.NullMarked;
