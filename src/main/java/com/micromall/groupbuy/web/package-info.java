/** The group buy pages: the group page with its share link, the group checkout, and the owner's offers and groups. */
@NullMarked
package com.micromall.groupbuy.web;

import org.jspecify.annotations.NullMarked;
