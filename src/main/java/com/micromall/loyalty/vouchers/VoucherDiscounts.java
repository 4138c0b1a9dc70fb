package com.micromall.loyalty.vouchers;

import com.micromall.catalog.ProductApi;
import com.micromall.order.CheckoutBasket;
import com.micromall.order.CheckoutDiscounts;
import com.micromall.order.CheckoutOption;
import com.micromall.order.DiscountLine;
import com.micromall.order.DiscountUnavailableException;
import com.micromall.order.OrderCancelled;
import com.micromall.order.OrderRefunded;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's voucher at checkout: the checkout page lists their vouchers (those that cannot be used for this
 * basket say why), the picked one becomes a discount line, and placing the order marks it used under the voucher's
 * row lock, so two orders placed at once never both get it: the second is refused and rolled back. Asked after the
 * welcome gift and before store credit. A voucher that does not combine with the welcome gift is not offered while
 * the gift applies: the gift is granted on its own, and the page says so next to the voucher.
 */
@Component
@Order(500)
@RequiredArgsConstructor
class VoucherDiscounts implements CheckoutDiscounts {

    static final String SOURCE = "voucher";
    /** The sources of the referred friend's welcome gift (distribution's). */
    private static final Set<String> WELCOME_SOURCES = Set.of("welcome", "friend-gift");

    private final VoucherBook book;
    private final ProductApi products;
    private final ShopSettingsService settings;
    private final MessageSource messages;
    private final Clock clock;

    @Override
    public List<CheckoutOption> optionsFor(CheckoutBasket basket) {
        if (basket.lines().isEmpty()) {
            return List.of();
        }
        List<CustomerVoucher> vouchers = book.usableVouchersOf(basket.customerId(), clock.instant());
        if (vouchers.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> categories = categoriesFor(basket, vouchers);
        Locale locale = LocaleContextHolder.getLocale();
        List<CheckoutOption> options = new ArrayList<>();
        for (CustomerVoucher voucher : vouchers) {
            Offer offer = offer(voucher, basket, categories);
            List<String> label = List.of(voucher.template().name(), valueWithCap(voucher.template(), locale),
                    date(voucher.validUntil().minusSeconds(1)));
            options.add(new CheckoutOption(SOURCE, "loyalty.voucher.checkout.title", Long.toString(voucher.id()),
                    "loyalty.voucher.checkout.option", label, offer.refusal(), offer.refusalArgs()));
        }
        return options;
    }

    @Override
    public List<DiscountLine> discountsFor(CheckoutBasket basket) {
        Optional<CustomerVoucher> chosen = chosen(basket);
        if (chosen.isEmpty()) {
            return List.of();
        }
        CustomerVoucher voucher = chosen.get();
        Instant now = clock.instant();
        if (voucher.status(now) != CustomerVoucher.Status.VALID) {
            return List.of();
        }
        Offer offer = offer(voucher, basket, categoriesFor(basket, List.of(voucher)));
        if (offer.refusal() != null) {
            return List.of();
        }
        return List.of(new DiscountLine(SOURCE, "loyalty.voucher.checkout.line", List.of(voucher.template().name()),
                offer.discount()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(long orderId, String orderNumber, CheckoutBasket basket, List<DiscountLine> granted) {
        Optional<String> choice = basket.choice(SOURCE);
        if (choice.isEmpty()) {
            return;
        }
        Optional<Money> discount = granted.stream().filter(line -> line.source().equals(SOURCE))
                .map(DiscountLine::amount).reduce(Money::plus);
        Optional<Long> voucherId = voucherId(choice.get());
        // A voucher picked but not granted (not the buyer's, used or expired meanwhile, no longer fits the basket):
        // the buyer expected the discount, so nothing is placed and the page says why.
        if (discount.isEmpty() || voucherId.isEmpty()) {
            throw new DiscountUnavailableException("loyalty.voucher.checkout.unavailable");
        }
        Instant now = clock.instant();
        if (!book.lockUsable(basket.customerId(), voucherId.get(), now)) {
            throw new DiscountUnavailableException("loyalty.voucher.checkout.unavailable");
        }
        book.markUsed(voucherId.get(), orderId, orderNumber, discount.get(), now);
    }

    /** A cancelled order (by anyone, or unpaid in time) gives its voucher back; past its end date it shows as expired. */
    @ApplicationModuleListener
    void releaseOnOrderCancelled(OrderCancelled event) {
        book.release(event.orderId());
    }

    /**
     * A fully refunded order gives its voucher back too, when the refund comes before the voucher's end (after it,
     * the voucher stays used: it could not be used again anyway). Heard twice, the second finds nothing to free, even
     * if the voucher went on another order meanwhile.
     */
    @ApplicationModuleListener
    void releaseOnOrderFullyRefunded(OrderRefunded event) {
        if (event.fullyRefunded()) {
            book.releaseBefore(event.orderId(), event.refundedAt());
        }
    }

    /** "15 %" or "15 % (at most CN¥20.00)", for the checkout's list of vouchers. */
    private String valueWithCap(VoucherTemplate template, Locale locale) {
        Money cap = template.maxDiscount();
        return cap == null ? template.valueText(locale) : template.valueText(locale) + " "
                + "(" + messages.getMessage("loyalty.voucher.atMost", new Object[] {cap.format(locale)}, locale) + ")";
    }

    private record Offer(Money discount, @org.jspecify.annotations.Nullable String refusal, List<String> refusalArgs) {
    }

    private Offer offer(CustomerVoucher voucher, CheckoutBasket basket, Map<Long, Long> categories) {
        VoucherTemplate template = voucher.template();
        Locale locale = LocaleContextHolder.getLocale();
        VoucherTemplate.Reckoning reckoning = template.reckon(basket.lines(), categories);
        Money zero = Money.zero(basket.goodsTotal().currency());
        if (!template.combinesWithWelcome()
                && basket.granted().stream().anyMatch(line -> WELCOME_SOURCES.contains(line.source()))) {
            return new Offer(reckoning.discount(), "loyalty.voucher.checkout.notWithWelcome", List.of());
        }
        if (!reckoning.anyInScope()) {
            return new Offer(zero, "loyalty.voucher.checkout.notForTheseGoods", List.of());
        }
        if (reckoning.inScope().isLessThan(template.minSpend())) {
            return new Offer(zero, "loyalty.voucher.checkout.spendMore",
                    List.of(template.minSpend().format(locale), template.minSpend().minus(reckoning.inScope()).format(locale)));
        }
        Money discount = reckoning.discount().min(basket.remaining());
        if (!discount.isPositive()) {
            return new Offer(zero, "loyalty.voucher.checkout.nothingLeft", List.of());
        }
        return new Offer(discount, null, List.of());
    }

    private Optional<CustomerVoucher> chosen(CheckoutBasket basket) {
        return basket.choice(SOURCE).flatMap(VoucherDiscounts::voucherId)
                .flatMap(id -> book.voucherOf(basket.customerId(), id));
    }

    private static Optional<Long> voucherId(String choice) {
        try {
            return Optional.of(Long.parseLong(choice.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Product categories, asked of the catalog only when a voucher is limited to categories. */
    private Map<Long, Long> categoriesFor(CheckoutBasket basket, List<CustomerVoucher> vouchers) {
        if (vouchers.stream().noneMatch(v -> v.template().scope() == VoucherTemplate.Scope.CATEGORIES)) {
            return Map.of();
        }
        return products.categoryIdsOf(basket.lines().stream().map(CheckoutBasket.Line::productId).toList());
    }

    private String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
                .withZone(settings.current().timeZone()).format(at);
    }
}
