package com.micromall.care.staff;

import com.micromall.order.StaffCodes;
import com.micromall.shared.Money;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The checkout's staff code field and the receipt's code, answered by the attribution rules. */
@Component
@RequiredArgsConstructor
class StaffCheckoutCodes implements StaffCodes {

    private final StaffAttribution attribution;

    @Override
    public boolean isKnown(String typedCode) {
        return attribution.isKnown(typedCode);
    }

    @Override
    public void confirm(long orderId, String orderNumber, long customerId, Money total, @Nullable String typedCode) {
        attribution.orderPlaced(orderId, orderNumber, customerId, total, typedCode);
    }

    @Override
    public Optional<String> codeOf(String orderNumber) {
        return attribution.codeOfOrder(orderNumber);
    }
}
