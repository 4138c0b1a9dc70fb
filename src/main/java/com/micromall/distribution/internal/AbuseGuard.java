package com.micromall.distribution.internal;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerRegistered;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Flags a beneficiary and a buyer who look like one household or one person: the same
 * registration device (salted hash of IP + user agent) or the order shipped to one of the
 * beneficiary's saved addresses. Flagged entries are held for the owner, not refused.
 */
@Component
@RequiredArgsConstructor
class AbuseGuard {

    private final JdbcClient jdbc;
    private final CustomerApi customers;

    @ApplicationModuleListener
    void rememberDeviceOnCustomerRegistered(CustomerRegistered event) {
        if (event.deviceHash() == null || event.deviceHash().isBlank()) {
            return;
        }
        jdbc.sql("INSERT INTO customer_device (customer_id, device_hash) VALUES (:c, :h) ON CONFLICT DO NOTHING")
                .param("c", event.customerId()).param("h", event.deviceHash()).update();
    }

    Optional<HoldReason> check(long beneficiaryId, long buyerId, @Nullable String shippingLine1,
                               @Nullable String shippingPostalCode) {
        boolean sharedDevice = jdbc.sql("""
                SELECT COUNT(*) FROM customer_device a JOIN customer_device b ON a.device_hash = b.device_hash
                WHERE a.customer_id = :beneficiary AND b.customer_id = :buyer""")
                .param("beneficiary", beneficiaryId).param("buyer", buyerId).query(Long.class).single() > 0;
        if (sharedDevice) {
            return Optional.of(HoldReason.SHARED_DEVICE);
        }
        if (shippingLine1 != null && shippingPostalCode != null) {
            String shipped = normalised(shippingLine1, shippingPostalCode);
            for (Address address : customers.addressesOf(beneficiaryId)) {
                if (normalised(address.line1(), address.postalCode()).equals(shipped)) {
                    return Optional.of(HoldReason.SHARED_ADDRESS);
                }
            }
        }
        return Optional.empty();
    }

    /** Case, spaces and punctuation do not make two addresses different. */
    static String normalised(String line1, String postalCode) {
        return (line1 + "|" + postalCode).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}|]", "");
    }
}
