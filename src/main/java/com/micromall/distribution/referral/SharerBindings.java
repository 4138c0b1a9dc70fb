package com.micromall.distribution.referral;

import com.micromall.distribution.SharerBinding;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link SharerBinding} through the sharer's code, as if the customer had followed the sharer's link. */
@Component
@RequiredArgsConstructor
class SharerBindings implements SharerBinding {

    private final Distributors distributors;
    private final ReferralBindings bindings;

    @Override
    @Transactional
    public boolean bindToSharer(long customerId, long sharerId) {
        return distributors.find(sharerId)
                .map(sharer -> bindings.bind(customerId, sharer.code(), ReferralSource.LINK, null))
                .filter(outcome -> outcome == ReferralBindings.BindingOutcome.BOUND).isPresent();
    }
}
