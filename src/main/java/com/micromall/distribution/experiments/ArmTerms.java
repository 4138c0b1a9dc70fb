package com.micromall.distribution.experiments;

import com.micromall.distribution.invitations.SharerTerms;
import com.micromall.settings.DistributionSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** A sharer in a running experiment's arm promises their friends the arm's welcome benefit (and earns its rate). */
@Component
@RequiredArgsConstructor
class ArmTerms implements SharerTerms {

    private final Experiments experiments;

    @Override
    public DistributionSettings rulesFor(long sharerId, DistributionSettings shop) {
        return experiments.armOf(sharerId).map(arm -> arm.applyTo(shop)).orElse(shop);
    }
}
