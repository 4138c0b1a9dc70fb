package com.micromall.order;

import com.micromall.shared.Money;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Extension point: the module that knows the shop's staff (care) checks the staff code typed at checkout and records
 * whom the order is attributed to. {@code order} only passes the typed text through and never stores or interprets it,
 * so the attribution is recorded once, by the module that owns the rule (first touch, the customer's own staff
 * contact). Without an implementation the checkout has no staff code.
 */
public interface StaffCodes {

    /** Whether a typed code belongs to a staff member who may take orders (checked before the order is placed). */
    boolean isKnown(String typedCode);

    /**
     * Called while the order is being placed, inside its transaction, after the order row is saved.
     *
     * @param total what the order charges, for the staff member's revenue
     * @param typedCode what the buyer typed, or null when the field was left empty
     */
    void confirm(long orderId, String orderNumber, long customerId, Money total, @Nullable String typedCode);

    /** The staff code the order was placed with (or its buyer's staff contact at the time), for its receipt. */
    Optional<String> codeOf(String orderNumber);
}
