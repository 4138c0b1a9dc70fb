package com.micromall.distribution.referral;

import com.micromall.customer.InvitationCodes;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A typed code is known when a distributor has it, whatever their status: binding follows the same rule. */
@Component
@RequiredArgsConstructor
class KnownInvitationCodes implements InvitationCodes {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String typedCode) {
        String code = ReferralCodes.normalize(typedCode);
        return code != null && jdbc.sql("SELECT COUNT(*) FROM distributor WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }
}
