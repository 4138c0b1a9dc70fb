package com.micromall.groupbuy;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.settings.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's "buy together" offers, one per product, audited like the shop's other settings. */
@Service
@RequiredArgsConstructor
public class GroupOffers {

    private final GroupOfferRepository offers;
    private final ProductApi products;
    private final AuditLog auditLog;
    private final Clock clock;

    /** Every product's offer, switched on or not. */
    @Transactional(readOnly = true)
    public List<GroupOfferTerms> all() {
        return offers.findAllByOrderByProductId().stream().map(GroupOffer::terms)
                .filter(java.util.Objects::nonNull).toList();
    }

    @Transactional(readOnly = true)
    public Optional<GroupOfferTerms> of(long productId) {
        return offers.findByProductId(productId).map(GroupOffer::terms);
    }

    /**
     * Sets a product's terms; false when they were already so (the same form sent twice: no second audit line).
     * Throws {@link GroupBuyException} when the terms do not fit the product; the caller shows the form again.
     */
    @Transactional
    public boolean save(GroupOfferTerms terms, String owner) {
        ProductSummary product = products.find(terms.productId()).filter(ProductSummary::onSale)
                .orElseThrow(() -> new GroupBuyException("groupbuy.admin.error.product"));
        if (!terms.groupPrice().isLessThan(product.price())) {
            throw new GroupBuyException("groupbuy.admin.error.priceNotLower", product.price());
        }
        GroupOffer offer = offers.findByProductId(terms.productId()).orElseGet(() -> new GroupOffer(terms.productId()));
        GroupOfferTerms before = offer.terms();
        if (!offer.change(terms, clock.instant())) {
            return false;
        }
        try {
            offers.saveAndFlush(offer);
        } catch (DataIntegrityViolationException e) {
            // Two tabs created the product's first offer at once: the other one's terms stand.
            throw new GroupBuyException("groupbuy.admin.error.concurrent");
        }
        auditLog.record(owner, "groupbuy.offer", product.name(), before == null ? null : describe(before),
                describe(terms));
        return true;
    }

    private static String describe(GroupOfferTerms terms) {
        return (terms.enabled() ? "on" : "off") + ", " + terms.groupSize() + " buyers at " + terms.groupPrice()
                + ", " + terms.timeLimitHours() + " h, unfilled: " + terms.onExpiry();
    }
}
