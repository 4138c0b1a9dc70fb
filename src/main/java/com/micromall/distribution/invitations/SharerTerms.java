package com.micromall.distribution.invitations;

import com.micromall.settings.DistributionSettings;

/**
 * The rules a sharer's friends meet, where they may differ from the shop's (a rate experiment gives an arm its own
 * welcome benefit). The invitation banner and the share mail ask it, so they promise what checkout gives.
 */
public interface SharerTerms {

    DistributionSettings rulesFor(long sharerId, DistributionSettings shop);

    /** The rules after every source of sharer terms had its say (the shop's when there is none). */
    static DistributionSettings apply(java.util.List<SharerTerms> sources, long sharerId, DistributionSettings shop) {
        DistributionSettings rules = shop;
        for (SharerTerms source : sources) {
            rules = source.rulesFor(sharerId, rules);
        }
        return rules;
    }
}
