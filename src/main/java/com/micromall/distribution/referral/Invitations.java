package com.micromall.distribution.referral;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.order.OrderHistory;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an invited visitor is told: the sharer's first name and the welcome benefit. Never the
 * sharer's commission.
 */
@Service
@RequiredArgsConstructor
public class Invitations {

    /**
     * The banner: {@code messageKey} with args (first name, percent or amount[, cap]).
     * {@code amount}/{@code cap} are Money so templates format them in the shop's currency.
     */
    public record Invitation(String sharerFirstName, String messageKey, @Nullable String percent,
                             @Nullable Money amount, @Nullable Money cap) {
    }

    private final DistributorRepository distributors;
    private final CustomerApi customers;
    private final ReferralBindings bindings;
    private final OrderHistory orderHistory;
    private final DistributionSettingsService distributionSettings;
    private final ShopSettingsService shopSettings;

    /** The invitation an ACTIVE distributor's code stands for, for a visitor (customerId null) or a customer yet to be bound and to order. */
    @Transactional(readOnly = true)
    public Optional<Invitation> forCode(@Nullable String code, @Nullable Long customerId) {
        String normalized = ReferralCodes.normalize(code);
        if (normalized == null) {
            return Optional.empty();
        }
        Optional<Distributor> distributor = distributors.findByCode(normalized).filter(Distributor::isActive);
        if (distributor.isEmpty()) {
            return Optional.empty();
        }
        long sharerId = distributor.get().getCustomerId();
        if (customerId != null && (customerId == sharerId || bindings.referrerOf(customerId).isPresent()
                || orderHistory.hasOrdersOtherThanCancelled(customerId))) {
            return Optional.empty();
        }
        return customers.find(sharerId).map(sharer -> invitation(firstName(sharer)));
    }

    private Invitation invitation(String firstName) {
        DistributionSettings rules = distributionSettings.current();
        if (rules.welcomeKind() == WelcomeKind.FIXED) {
            if (rules.welcomeValue().signum() <= 0) {
                return new Invitation(firstName, "distribution.invitation.plain", null, null, null);
            }
            return new Invitation(firstName, "distribution.invitation.fixed", null, money(rules.welcomeValue()), null);
        }
        if (rules.welcomeValue().signum() <= 0) {
            return new Invitation(firstName, "distribution.invitation.plain", null, null, null);
        }
        String percent = rules.welcomeValue().stripTrailingZeros().toPlainString();
        if (rules.welcomeCap() != null) {
            return new Invitation(firstName, "distribution.invitation.percentCapped", percent, null, money(rules.welcomeCap()));
        }
        return new Invitation(firstName, "distribution.invitation.percent", percent, null, null);
    }

    private Money money(BigDecimal amount) {
        return Money.of(amount, shopSettings.current().currency(), RoundingMode.HALF_UP);
    }

    /** The first word of the name: invitations never show a full name. */
    public static String firstName(CustomerProfile customer) {
        String name = customer.name().strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
