package com.micromall.loyalty.vouchers;

import com.micromall.order.CheckoutBasket;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A kind of voucher the owner issues. {@code amount} is set for FIXED, {@code percent} for PERCENT. Validity is
 * either fixed dates ({@code validFrom} may be null: from issue) or {@code validDays} after issue, or both (the
 * earlier end wins). {@code targets} are category ids (scope CATEGORIES) or product ids (scope PRODUCTS).
 * {@code maxDiscount} caps what a percent voucher takes off (null: no cap). A template that is not {@code active}
 * is no longer issued; vouchers already given keep working until their end.
 */
public record VoucherTemplate(long id, String name, Kind kind, @Nullable Money amount, @Nullable BigDecimal percent,
                              Money minSpend, @Nullable Instant validFrom, @Nullable Instant validUntil,
                              @Nullable Integer validDays, int perCustomerLimit, Scope scope, Set<Long> targets,
                              boolean combinesWithWelcome, boolean onRegistration, boolean referralReward,
                              @Nullable Money maxDiscount, boolean active) {

    public enum Kind { FIXED, PERCENT }

    public enum Scope { ALL, CATEGORIES, PRODUCTS }

    public VoucherTemplate {
        targets = Set.copyOf(targets);
    }

    /** When a voucher issued now is valid: from the template's start (or now) to the earlier of its end and now + days. */
    public Validity validityFrom(Instant issuedAt) {
        Instant from = validFrom == null || validFrom.isBefore(issuedAt) ? issuedAt : validFrom;
        Instant until = validUntil;
        if (validDays != null) {
            Instant byDays = issuedAt.plus(Duration.ofDays(validDays));
            until = until == null || byDays.isBefore(until) ? byDays : until;
        }
        return new Validity(from, until == null ? issuedAt : until);
    }

    public record Validity(Instant from, Instant until) {

        public boolean ended(Instant now) {
            return !until.isAfter(now);
        }
    }

    /**
     * What this voucher takes off a basket. The minimum spend is compared with the goods in scope; a percent is of
     * the goods in scope, rounded down to the cent, and at most {@code maxDiscount}; a fixed amount is at most the
     * goods in scope.
     *
     * @param categoryOf each product's category (needed for scope CATEGORIES only)
     */
    public Reckoning reckon(List<CheckoutBasket.Line> lines, Map<Long, Long> categoryOf) {
        Money inScope = Money.zero(minSpend.currency());
        for (CheckoutBasket.Line line : lines) {
            if (covers(line.productId(), categoryOf.get(line.productId()))) {
                inScope = inScope.plus(line.lineTotal());
            }
        }
        if (inScope.isZero()) {
            return new Reckoning(inScope, inScope, false);
        }
        if (inScope.isLessThan(minSpend)) {
            return new Reckoning(inScope, Money.zero(inScope.currency()), true);
        }
        Money off = amount != null ? amount.min(inScope)
                : inScope.percent(percent == null ? BigDecimal.ZERO : percent, RoundingMode.DOWN);
        if (maxDiscount != null) {
            off = off.min(maxDiscount);
        }
        return new Reckoning(inScope, off, true);
    }

    /** @param inScope the goods this voucher applies to; {@code discount} zero when below the minimum spend */
    public record Reckoning(Money inScope, Money discount, boolean anyInScope) {
    }

    boolean covers(long productId, @Nullable Long categoryId) {
        return switch (scope) {
            case ALL -> true;
            case PRODUCTS -> targets.contains(productId);
            case CATEGORIES -> categoryId != null && targets.contains(categoryId);
        };
    }

    /** The value as the owner's and customer's pages show it ("10 %" or the amount), formatted by the caller. */
    public boolean isPercent() {
        return kind == Kind.PERCENT;
    }

    /** What the voucher is worth, as pages show it: "10 %" or the amount in the reader's format. */
    public String valueText(java.util.Locale locale) {
        return amount != null ? amount.format(locale) : percentText() + " %";
    }

    public String percentText() {
        return percent == null ? "" : percent.stripTrailingZeros().toPlainString();
    }
}
