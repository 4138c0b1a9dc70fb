package com.micromall.distribution.experiments;

import com.micromall.distribution.referral.Distributors;
import com.micromall.settings.ShopTime;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's share actions - link or message copied, QR code downloaded - counted per distributor, shop day and
 * kind, so an experiment can tell whether a rate makes people share more. Only an ACTIVE distributor's count.
 */
@Service
@RequiredArgsConstructor
public class ShareActions {

    public enum Kind { LINK, TEXT, QR }

    private final JdbcClient jdbc;
    private final ShopTime shopTime;
    private final Distributors distributors;

    /** @return whether it was counted (the customer is an ACTIVE distributor) */
    @Transactional
    public boolean record(long customerId, Kind kind) {
        if (distributors.activeAmong(java.util.List.of(customerId)).isEmpty()) {
            return false;
        }
        LocalDate day = shopTime.today();
        String add = "UPDATE share_action SET actions = actions + 1 WHERE distributor_id = :d AND action_day = :day AND kind = :k";
        if (jdbc.sql(add).param("d", customerId).param("day", day).param("k", kind.name()).update() == 0) {
            jdbc.sql("""
                    INSERT INTO share_action (distributor_id, action_day, kind, actions) VALUES (:d, :day, :k, 0)
                    ON CONFLICT DO NOTHING""").param("d", customerId).param("day", day).param("k", kind.name()).update();
            jdbc.sql(add).param("d", customerId).param("day", day).param("k", kind.name()).update();
        }
        return true;
    }
}
