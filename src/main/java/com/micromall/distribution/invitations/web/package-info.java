@NullMarked
package com.micromall.distribution.invitations.web;

import org.jspecify.annotations.NullMarked;
