package com.micromall.distribution.referral;

import com.micromall.customer.CustomerRegistered;
import com.micromall.order.OrderCompleted;
import com.micromall.settings.DistributionSettingsService;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Enrols new customers (rule EVERYONE) and binds them to the code they registered with; enrols
 * first buyers (rule FIRST_PURCHASE). The source is LINK when this device followed that code's
 * share link within the attribution window, else TYPED_AT_REGISTRATION.
 */
@Component
@RequiredArgsConstructor
class ReferralListeners {

    private static final Logger log = LoggerFactory.getLogger(ReferralListeners.class);

    private final DistributorEnrolment enrolment;
    private final ReferralBindings bindings;
    private final ReferralClicks clicks;
    private final DistributionSettingsService settings;

    @ApplicationModuleListener
    void on(CustomerRegistered event) {
        enrolment.customerRegistered(event.customerId());
        String code = ReferralCodes.normalize(event.referralCode());
        if (code == null) {
            if (event.referralCode() != null) {
                log.info("Customer {} registered with an unusable referral code", event.customerId());
            }
            return;
        }
        ReferralSource source = event.deviceHash() != null
                && clicks.clickedRecently(code, event.deviceHash(), Duration.ofDays(settings.current().attributionDays()))
                ? ReferralSource.LINK : ReferralSource.TYPED_AT_REGISTRATION;
        ReferralBindings.BindingOutcome outcome = bindings.bind(event.customerId(), code, source, event.deviceHash());
        log.info("Customer {} registered with code {}: {}", event.customerId(), code, outcome);
    }

    @ApplicationModuleListener
    void on(OrderCompleted event) {
        enrolment.orderCompleted(event.customerId());
    }
}
