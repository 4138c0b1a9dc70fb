@NullMarked
package com.micromall.settings.web;

import org.jspecify.annotations.NullMarked;
