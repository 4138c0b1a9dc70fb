package com.micromall.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share-link clicks. The visitor is kept only as a salted SHA-256 of IP and user agent (the same
 * recipe as registration's device hash, so a registration can be matched to the click that
 * brought it); the raw IP is never stored.
 */
@Component
public class ReferralClicks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String salt;

    ReferralClicks(JdbcClient jdbc, Clock clock, @Value("${micromall.device-hash-salt}") String salt) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.salt = salt;
    }

    @Transactional
    public void record(String code, String landingPath, String ip, String userAgent) {
        String path = landingPath.length() > 300 ? landingPath.substring(0, 300) : landingPath;
        jdbc.sql("""
                INSERT INTO referral_click (code, clicked_at, landing_path, visitor_hash)
                VALUES (:code, :at, :path, :hash)""")
                .param("code", code).param("at", Timestamp.from(clock.instant())).param("path", path)
                .param("hash", visitorHash(ip, userAgent)).update();
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

    String visitorHash(String ip, String userAgent) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((salt + "\n" + ip + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
