package com.micromall.order;

import com.micromall.shared.Money;

/**
 * The part of one discount source ({@link DiscountLine#source()}: "welcome", "friend-gift", "store-credit"…)
 * that one order line carries. An order's line discounts of a source add up to what that source took off.
 */
public record LineDiscount(String source, Money amount) {
}
