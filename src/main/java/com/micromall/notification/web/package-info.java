/** The owner's log of the shop's mails: what went out, what waits for the mail server, each as the customer sees it. */
@NullMarked
package com.micromall.notification.web;

import org.jspecify.annotations.NullMarked;
