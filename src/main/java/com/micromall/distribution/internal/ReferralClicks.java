package com.micromall.distribution.internal;

import com.micromall.shared.web.DeviceFingerprint;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share-link clicks. The visitor is kept only as its {@link DeviceFingerprint} (the same hash
 * registration records, so a registration can be matched to the click that brought it); the raw
 * IP is never stored.
 */
@Component
@RequiredArgsConstructor
public class ReferralClicks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeviceFingerprint fingerprint;

    @Transactional
    public void record(String code, String landingPath, HttpServletRequest request) {
        String path = landingPath.length() > 300 ? landingPath.substring(0, 300) : landingPath;
        jdbc.sql("""
                INSERT INTO referral_click (code, clicked_at, landing_path, visitor_hash)
                VALUES (:code, :at, :path, :hash)""")
                .param("code", code).param("at", Timestamp.from(clock.instant())).param("path", path)
                .param("hash", fingerprint.of(request)).update();
    }

    /** Whether this device followed this code's link within the window (a registration then came via the LINK). */
    @Transactional(readOnly = true)
    boolean clickedRecently(String code, String visitorHash, Duration window) {
        return jdbc.sql("""
                SELECT count(*) FROM referral_click
                WHERE code = :code AND visitor_hash = :hash AND clicked_at >= :since""")
                .param("code", code).param("hash", visitorHash)
                .param("since", Timestamp.from(clock.instant().minus(window))).query(Long.class).single() > 0;
    }

}
