package com.micromall.distribution.abuse;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.CustomerRegistered;
import com.micromall.distribution.referral.Mailboxes;
import com.micromall.settings.ShopTime;
import com.micromall.shared.web.DeviceFingerprint;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Flags a beneficiary and a buyer who look like one household or one person, each signal on its own: the same
 * registration device (IP + user agent), the same network (IP alone) on the same or the next day, the order
 * shipped to one of the beneficiary's saved addresses, the same payout account on a withdrawal, or e-mail
 * addresses reaching one mailbox. It only reports what it finds: the ledger holds a flagged commission for the owner,
 * never refuses it, since households and offices share networks and addresses.
 */
@Component
@RequiredArgsConstructor
public class AbuseGuard {

    /** Days apart two sightings on one network still count: a second account is usually made the same evening. */
    static final int SAME_NETWORK_DAYS = 1;

    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final DeviceFingerprint fingerprint;
    private final ShopTime shopTime;
    private final ObjectProvider<PayoutAccounts> payoutAccounts;

    @ApplicationModuleListener
    void rememberDeviceOnCustomerRegistered(CustomerRegistered event) {
        if (event.deviceHash() != null && !event.deviceHash().isBlank()) {
            jdbc.sql("INSERT INTO customer_device (customer_id, device_hash) VALUES (:c, :h) ON CONFLICT DO NOTHING")
                    .param("c", event.customerId()).param("h", event.deviceHash()).update();
        }
        if (event.networkHash() != null && !event.networkHash().isBlank()) {
            seen(event.customerId(), event.networkHash(), shopTime.dayOf(event.registeredAt()));
        }
    }

    /** A login is a sighting too: a sharer registered long ago is still seen where they live now. */
    @EventListener
    void rememberNetworkOnLogin(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CustomerPrincipal principal
                && event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            String network = fingerprint.network(details.getRemoteAddress());
            if (network != null) {
                seen(principal.getCustomerId(), network, shopTime.today());
            }
        }
    }

    private void seen(long customerId, String networkHash, LocalDate day) {
        jdbc.sql("INSERT INTO customer_network (customer_id, network_hash, seen_on) VALUES (:c, :n, :d) ON CONFLICT DO NOTHING")
                .param("c", customerId).param("n", networkHash).param("d", Date.valueOf(day)).update();
    }

    /** Every signal linking the two; empty when none does. */
    public Set<AbuseSignal> check(long beneficiaryId, long buyerId, @Nullable String shippingLine1,
                                  @Nullable String shippingPostalCode) {
        Set<AbuseSignal> signals = EnumSet.noneOf(AbuseSignal.class);
        if (sharedDevice(beneficiaryId, buyerId)) {
            signals.add(AbuseSignal.SHARED_DEVICE);
        }
        if (sharedNetwork(beneficiaryId, buyerId)) {
            signals.add(AbuseSignal.SHARED_NETWORK);
        }
        if (shippedToBeneficiary(beneficiaryId, shippingLine1, shippingPostalCode)) {
            signals.add(AbuseSignal.SHARED_ADDRESS);
        }
        if (sharedPayoutAccount(beneficiaryId, buyerId)) {
            signals.add(AbuseSignal.SHARED_PAYOUT_ACCOUNT);
        }
        if (sameMailbox(beneficiaryId, buyerId)) {
            signals.add(AbuseSignal.SAME_EMAIL);
        }
        return signals;
    }

    private boolean sharedDevice(long beneficiaryId, long buyerId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM customer_device a JOIN customer_device b ON a.device_hash = b.device_hash
                WHERE a.customer_id = :beneficiary AND b.customer_id = :buyer""")
                .param("beneficiary", beneficiaryId).param("buyer", buyerId).query(Long.class).single() > 0;
    }

    private boolean sharedNetwork(long beneficiaryId, long buyerId) {
        List<long[]> days = jdbc.sql("""
                SELECT a.seen_on AS a_day, b.seen_on AS b_day
                FROM customer_network a JOIN customer_network b ON a.network_hash = b.network_hash
                WHERE a.customer_id = :beneficiary AND b.customer_id = :buyer""")
                .param("beneficiary", beneficiaryId).param("buyer", buyerId)
                .query((rs, i) -> new long[] {rs.getDate("a_day").toLocalDate().toEpochDay(),
                        rs.getDate("b_day").toLocalDate().toEpochDay()})
                .list();
        return days.stream().anyMatch(d -> Math.abs(d[0] - d[1]) <= SAME_NETWORK_DAYS);
    }

    private boolean shippedToBeneficiary(long beneficiaryId, @Nullable String line1, @Nullable String postalCode) {
        if (line1 == null || postalCode == null) {
            return false;
        }
        String shipped = normalised(line1, postalCode);
        return customers.addressesOf(beneficiaryId).stream()
                .map((Address address) -> normalised(address.line1(), address.postalCode()))
                .anyMatch(shipped::equals);
    }

    private boolean sharedPayoutAccount(long beneficiaryId, long buyerId) {
        List<String> buyers = payoutAccounts(buyerId);
        return !buyers.isEmpty() && payoutAccounts(beneficiaryId).stream().anyMatch(buyers::contains);
    }

    /** The account details of every withdrawal the customer asked for, spaces, case and punctuation ignored. */
    private List<String> payoutAccounts(long customerId) {
        return payoutAccounts.getIfAvailable(() -> PayoutAccounts.NONE).accountDetailsOf(customerId).stream()
                .map(details -> details.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@]", ""))
                .filter(details -> !details.isEmpty()).distinct().toList();
    }

    private boolean sameMailbox(long beneficiaryId, long buyerId) {
        Optional<String> beneficiary = customers.find(beneficiaryId).map(CustomerProfile::email);
        Optional<String> buyer = customers.find(buyerId).map(CustomerProfile::email);
        return beneficiary.isPresent() && buyer.isPresent() && Mailboxes.same(beneficiary.get(), buyer.get());
    }

    /** Case, spaces and punctuation do not make two addresses different. */
    static String normalised(String line1, String postalCode) {
        return (line1 + "|" + postalCode).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}|]", "");
    }
}
