@NullMarked
package com.micromall.distribution.ledger.web;

import org.jspecify.annotations.NullMarked;
