package com.micromall.distribution.referral;

import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.web.DeviceFingerprint;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share-link clicks. The visitor is kept only as its {@link DeviceFingerprint} (the same hash
 * registration records, so a registration can be matched to the click that brought it); the raw
 * IP is never stored. Each code's clicks are also counted, so the dashboard never counts the rows.
 * A visitor counts once per code and day (UTC): reloading a link cannot inflate a sharer's figures.
 */
@Component
@RequiredArgsConstructor
public class ReferralClicks {

    /** Counter rows per code: concurrent clicks on one code spread over them. */
    static final int SHARDS = 16;

    private final JdbcClient jdbc;
    private final ShopTime shopTime;
    private final DeviceFingerprint fingerprint;
    private final DistributionSettingsService settings;
    private final BindingModes modes;

    /** An ACTIVE distributor's link was followed: their code, and how long the attribution cookie keeps it. */
    public record Followed(String code, Duration attribution) {
    }

    /**
     * A share link followed to {@code landingPath}: for an ACTIVE distributor's code the click is recorded and the
     * attribution returned; an unknown, pending or suspended code records nothing. One transaction.
     */
    @Transactional
    public Optional<Followed> follow(String code, String landingPath, HttpServletRequest request) {
        String normalized = ReferralCodes.normalize(code);
        if (normalized == null) {
            return Optional.empty();
        }
        boolean counted = record(normalized, landingPath, request);
        if (!counted && !isActive(normalized)) {
            return Optional.empty();
        }
        // Read before counting: the counter row stays locked only until the commit that follows.
        Duration attribution = Duration.ofDays(settings.current().attributionDays());
        if (counted) {
            count(normalized);
        }
        return Optional.of(new Followed(normalized, attribution));
    }

    /**
     * Permanent mode is first touch: within the attribution window the first valid link wins, so a later link does
     * not take over the cookie of a visitor who already carries another ACTIVE sharer's code (the browser drops the
     * cookie when the window ends). In last-share-wins mode the newest link always takes the cookie: a visitor who
     * is not signed in is bound to nobody yet, so there is no protection period to respect.
     */
    @Transactional(readOnly = true)
    public boolean earlierLinkHolds(String earlierCode, String code) {
        String earlier = ReferralCodes.normalize(earlierCode);
        return earlier != null && !earlier.equals(code) && !modes.current().lastShareWins() && isActive(earlier);
    }

    private boolean isActive(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM distributor WHERE code = :code AND status = 'ACTIVE'")
                .param("code", code).query(Long.class).single() > 0;
    }

    /**
     * The click, written only if the code is an ACTIVE distributor's and this visitor has no click on it today
     * (a unique key): the INSERT reads the distributor itself, so a click costs one plain statement.
     */
    private boolean record(String code, String landingPath, HttpServletRequest request) {
        String path = landingPath.length() > 300 ? landingPath.substring(0, 300) : landingPath;
        Instant now = shopTime.now();
        return jdbc.sql("""
                INSERT INTO referral_click (code, clicked_at, landing_path, visitor_hash, visit_day)
                SELECT code, :at, :path, :hash, :day FROM distributor WHERE code = :code AND status = 'ACTIVE'
                ON CONFLICT DO NOTHING""")
                .param("code", code).param("at", Timestamp.from(now)).param("path", path)
                .param("hash", fingerprint.of(request)).param("day", shopTime.dayOf(now))
                .update() == 1;
    }

    /**
     * One more click on one of the code's {@link #SHARDS} counter rows, picked at random; last, so the row
     * is locked only until the commit that follows. A row that does not exist yet is made first.
     */
    private void count(String code) {
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        String add = "UPDATE referral_click_count SET clicks = clicks + 1 WHERE code = :code AND shard = :shard";
        if (jdbc.sql(add).param("code", code).param("shard", shard).update() == 0) {
            jdbc.sql("INSERT INTO referral_click_count (code, shard, clicks) VALUES (:code, :shard, 0) ON CONFLICT DO NOTHING")
                    .param("code", code).param("shard", shard).update();
            jdbc.sql(add).param("code", code).param("shard", shard).update();
        }
    }

    /** How many times the code's link was followed (a visitor counts once a day): the sum of its counter rows. */
    @Transactional(readOnly = true)
    public long clicksOf(String code) {
        return jdbc.sql("SELECT COALESCE(SUM(clicks), 0) FROM referral_click_count WHERE code = :code")
                .param("code", code).query(Long.class).single();
    }

    /** Whether this device followed this code's link within the window (a registration then came via the LINK). */
    @Transactional(readOnly = true)
    boolean clickedRecently(String code, String visitorHash, Duration window) {
        return jdbc.sql("""
                SELECT count(*) FROM referral_click
                WHERE code = :code AND visitor_hash = :hash AND clicked_at >= :since""")
                .param("code", code).param("hash", visitorHash)
                .param("since", Timestamp.from(shopTime.now().minus(window))).query(Long.class).single() > 0;
    }

    /**
     * Clicks on any of these codes between {@code from} and {@code to} (an experiment's arm asks for its
     * distributors'); one query over the click rows' code index, in slices of a thousand codes.
     */
    @Transactional(readOnly = true)
    public long clicksOf(java.util.Collection<String> codes, Instant from, Instant to) {
        java.util.List<String> all = java.util.List.copyOf(codes);
        long clicks = 0;
        for (int i = 0; i < all.size(); i += 1000) {
            clicks += jdbc.sql("SELECT COUNT(*) FROM referral_click WHERE code IN (:codes) AND clicked_at >= :from AND clicked_at <= :to")
                    .param("codes", all.subList(i, Math.min(all.size(), i + 1000)))
                    .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
        }
        return clicks;
    }

    /**
     * A click by a made-up visitor at {@code at} on a code that need not be a distributor's (demo data only: the
     * demo experiment's made-up distributors have no account).
     */
    @Transactional
    public void recordForDemo(String code, Instant at, String visitor) {
        int inserted = jdbc.sql("""
                INSERT INTO referral_click (code, clicked_at, landing_path, visitor_hash, visit_day)
                VALUES (:code, :at, '/', :hash, :day) ON CONFLICT DO NOTHING""")
                .param("code", code).param("at", Timestamp.from(at)).param("hash", visitor)
                .param("day", shopTime.dayOf(at)).update();
        if (inserted == 1) {
            count(code);
        }
    }
}
