package com.micromall.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An amount of money in one currency, always held at the currency's scale (2 for CNY, 0 for
 * JPY). Arithmetic that can produce fractions of a minor unit takes an explicit
 * {@link RoundingMode}: commissions round down, so the shop never pays a fraction it does not owe.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** An amount that must already fit the currency's scale; refuses to round silently. */
    @JsonCreator
    public static Money of(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        try {
            return new Money(amount.setScale(scaleOf(currency), RoundingMode.UNNECESSARY), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode() + " allows", e);
        }
    }

    public static Money of(String amount, String currencyCode) {
        return of(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** An amount rounded to the currency's scale with the given rule. */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        return new Money(amount.setScale(scaleOf(currency), rounding), currency);
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /** From an integer count of minor units (cents, fen). */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
    }

    private static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    @JsonProperty("amount")
    public BigDecimal amount() {
        return amount;
    }

    @JsonProperty("currency")
    public Currency currency() {
        return currency;
    }

    public long minorUnits() {
        return amount.unscaledValue().longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** Multiplies by a factor (a rate, a share) and rounds to the currency's scale. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return of(amount.multiply(factor), currency, rounding);
    }

    /** {@code percent} per cent of this amount, e.g. 10 for 10 %, rounded as asked. */
    public Money percent(BigDecimal percent, RoundingMode rounding) {
        return of(amount.multiply(percent).movePointLeft(2), currency, rounding);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /**
     * Formats for people, e.g. "CN¥12.50" in English or "¥12.50" in Chinese. Looking up and configuring a
     * currency format costs more than formatting, so one configured format is kept per language and currency;
     * NumberFormat is not thread-safe, so each call formats with a copy.
     */
    public String format(Locale locale) {
        NumberFormat format = FORMATS.computeIfAbsent(new FormatKey(locale, currency), key -> {
            NumberFormat configured = NumberFormat.getCurrencyInstance(key.locale());
            configured.setCurrency(key.currency());
            configured.setMinimumFractionDigits(scaleOf(key.currency()));
            configured.setMaximumFractionDigits(scaleOf(key.currency()));
            return configured;
        });
        return ((NumberFormat) format.clone()).format(amount);
    }

    private record FormatKey(Locale locale, Currency currency) {
    }

    private static final Map<FormatKey, NumberFormat> FORMATS = new ConcurrentHashMap<>();

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && amount.equals(other.amount) && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    /** Plain form for logs and CSV: "12.50 CNY". */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
