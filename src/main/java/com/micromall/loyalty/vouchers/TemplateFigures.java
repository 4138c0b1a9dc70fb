package com.micromall.loyalty.vouchers;

import com.micromall.shared.Money;

/** How a template has done: vouchers issued, used on orders (not cancelled), expired unused, and the discount given. */
public record TemplateFigures(long issued, long used, long expired, Money discountGiven) {
}
