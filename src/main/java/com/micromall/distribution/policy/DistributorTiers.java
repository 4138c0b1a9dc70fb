package com.micromall.distribution.policy;

import com.micromall.distribution.DistributorTierRaised;
import com.micromall.settings.AuditLog;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's distributor tiers and who holds which. A sharer's figure is measured over the last {@code windowDays}:
 * either what their referred friends paid for goods in completed orders (less refunds), or how many of those friends
 * completed their first order. Their tier is the highest whose threshold the figure meets - exactly at the threshold
 * counts - and is used for the rates of orders placed from then on.
 *
 * <p>Never demoted mid-window: a tier reached when an order completes is held until one window after that moment
 * (and each later completion that still meets it starts that window again), even if refunds or aged orders lower the
 * figure meanwhile. Only then does the sharer fall to what the figure of that day reaches. Moving up is announced once
 * ({@link DistributorTierRaised}). Everything here is read from the ledger's own tables.
 */
@Component
@RequiredArgsConstructor
public class DistributorTiers {

    /** At most this many tiers: enough for Bronze to Diamond, few enough for one form. */
    public static final int MAX_TIERS = 5;

    /** What the thresholds count. */
    public enum Measure { REVENUE, FIRST_ORDERS }

    /** One tier; {@code level2Percent} null means the shop's level-2 rate. */
    public record Tier(long id, String name, BigDecimal threshold, BigDecimal level1Percent,
                       @Nullable BigDecimal level2Percent) {
    }

    /** A tier as the owner typed it (no id yet). */
    public record TierDraft(String name, BigDecimal threshold, BigDecimal level1Percent,
                            @Nullable BigDecimal level2Percent) {
    }

    /** The scheme: what is measured, over how many days, and the tiers by rising threshold. */
    public record Scheme(Measure measure, int windowDays, List<Tier> tiers) {

        public boolean isEmpty() {
            return tiers.isEmpty();
        }

        /** The highest tier whose threshold {@code figure} meets (exactly at the threshold counts). */
        Optional<Tier> reachedBy(BigDecimal figure) {
            return tiers.stream().filter(t -> figure.compareTo(t.threshold()) >= 0)
                    .max(Comparator.comparing(Tier::threshold));
        }

        Optional<Tier> byId(@Nullable Long id) {
            return id == null ? Optional.empty() : tiers.stream().filter(t -> t.id() == id).findFirst();
        }

        Optional<Tier> above(@Nullable Tier tier) {
            return tiers.stream().filter(t -> tier == null || t.threshold().compareTo(tier.threshold()) > 0)
                    .min(Comparator.comparing(Tier::threshold));
        }
    }

    /**
     * Where a distributor stands now, for their dashboard.
     *
     * @param tier the tier whose rates their orders earn now (null: the shop's rates)
     * @param figure what they have in the window now (money or a count, as the scheme measures)
     * @param heldUntil when the tier held now stops being held (null when the figure itself reaches it)
     * @param next the next tier up (null at the top)
     * @param missing what the figure lacks to reach {@code next} (zero when there is none)
     */
    public record Standing(Scheme scheme, @Nullable Tier tier, BigDecimal figure, @Nullable Instant heldUntil,
                           @Nullable Tier next, BigDecimal missing) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    public Scheme scheme() {
        record Row(String measure, int windowDays, @Nullable Long id, @Nullable String name,
                   @Nullable BigDecimal threshold, @Nullable BigDecimal level1, @Nullable BigDecimal level2) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT s.measure, s.window_days, t.id, t.name, t.threshold, t.level1_percent, t.level2_percent
                FROM distributor_tier_scheme s LEFT JOIN distributor_tier t ON 1 = 1
                WHERE s.id = 1 ORDER BY t.threshold, t.id""")
                .query((rs, i) -> new Row(rs.getString("measure"), rs.getInt("window_days"),
                        rs.getObject("id", Long.class), rs.getString("name"), rs.getBigDecimal("threshold"),
                        rs.getBigDecimal("level1_percent"), rs.getBigDecimal("level2_percent")))
                .list();
        Row first = rows.get(0);
        List<Tier> tiers = rows.stream().filter(r -> r.id() != null)
                .map(r -> new Tier(r.id(), Objects.requireNonNull(r.name()), Objects.requireNonNull(r.threshold()),
                        Objects.requireNonNull(r.level1()), r.level2()))
                .toList();
        return new Scheme(Measure.valueOf(first.measure()), first.windowDays(), tiers);
    }

    /** The tier whose rates an order placed by a friend of {@code distributorId} at {@code at} earns. */
    public Optional<Tier> tierAt(long distributorId, Instant at) {
        Scheme scheme = scheme();
        return scheme.isEmpty() ? Optional.empty() : tierAt(scheme, distributorId, at);
    }

    public Optional<Tier> tierAt(Scheme scheme, long distributorId, Instant at) {
        Progress progress = progress(scheme, distributorId, at, 0);
        return higher(scheme.reachedBy(progress.figure()).orElse(null), scheme.byId(progress.heldTier()).orElse(null));
    }

    public Standing standingOf(long distributorId) {
        Scheme scheme = scheme();
        Instant now = clock.instant();
        Progress progress = progress(scheme, distributorId, now, 0);
        Tier live = scheme.reachedBy(progress.figure()).orElse(null);
        Tier held = scheme.byId(progress.heldTier()).orElse(null);
        Tier tier = higher(live, held).orElse(null);
        Instant heldUntil = held != null && held == tier && (live == null || live != held) ? progress.heldUntil() : null;
        Tier next = scheme.isEmpty() ? null : scheme.above(tier).orElse(null);
        BigDecimal missing = next == null ? BigDecimal.ZERO : next.threshold().subtract(progress.figure()).max(BigDecimal.ZERO);
        return new Standing(scheme, tier, progress.figure(), heldUntil, next, missing);
    }

    /**
     * Replaces the tiers with the owner's, keeping each position's id (so who holds the second tier still holds the
     * second tier after its rate changed). Saving what is already there changes nothing and records nothing: a form
     * sent twice saves once.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean replace(Measure measure, int windowDays, List<TierDraft> drafts, String actor) {
        jdbc.sql("SELECT id FROM distributor_tier_scheme WHERE id = 1 FOR UPDATE").query(Long.class).single();
        Scheme before = scheme();
        List<TierDraft> sorted = drafts.stream().sorted(Comparator.comparing(TierDraft::threshold)).toList();
        if (before.measure() == measure && before.windowDays() == windowDays && same(before.tiers(), sorted)) {
            return false;
        }
        jdbc.sql("UPDATE distributor_tier_scheme SET measure = :m, window_days = :w WHERE id = 1")
                .param("m", measure.name()).param("w", windowDays).update();
        List<Tier> old = before.tiers();
        for (int i = 0; i < sorted.size(); i++) {
            TierDraft d = sorted.get(i);
            if (i < old.size()) {
                jdbc.sql("""
                        UPDATE distributor_tier SET name = :n, threshold = :t, level1_percent = :p1, level2_percent = :p2
                        WHERE id = :id""")
                        .param("n", d.name()).param("t", d.threshold()).param("p1", d.level1Percent())
                        .param("p2", d.level2Percent(), java.sql.Types.NUMERIC).param("id", old.get(i).id()).update();
            } else {
                jdbc.sql("""
                        INSERT INTO distributor_tier (name, threshold, level1_percent, level2_percent)
                        VALUES (:n, :t, :p1, :p2)""")
                        .param("n", d.name()).param("t", d.threshold()).param("p1", d.level1Percent())
                        .param("p2", d.level2Percent(), java.sql.Types.NUMERIC).update();
            }
        }
        for (int i = sorted.size(); i < old.size(); i++) {
            // Who held a removed tier falls back to what their figure reaches.
            jdbc.sql("DELETE FROM distributor_tier WHERE id = :id").param("id", old.get(i).id()).update();
        }
        auditLog.recordChange(actor, "distribution.tiers", "distributor_tier", describe(before),
                describe(new Scheme(measure, windowDays, sorted.stream()
                        .map(d -> new Tier(0, d.name(), d.threshold(), d.level1Percent(), d.level2Percent())).toList())));
        return true;
    }

    /**
     * Counts a completed order towards its level-1 sharer's tier and records the tier it reaches; announces a move
     * up. Runs in the crediting transaction; a replayed completion changes nothing.
     */
    public void orderCompleted(long distributorId, long orderId, long buyerId, Instant completedAt, BigDecimal goods) {
        // Counted even without tiers, so tiers the owner adds later see the orders of their window.
        int inserted = jdbc.sql("""
                INSERT INTO distributor_tier_order (order_id, distributor_id, buyer_id, completed_at, goods, first_order)
                SELECT :o, :d, :b, :at, :goods,
                    CASE WHEN EXISTS (SELECT 1 FROM distributor_tier_order p WHERE p.buyer_id = :b) THEN FALSE ELSE TRUE END
                ON CONFLICT DO NOTHING""")
                .param("o", orderId).param("d", distributorId).param("b", buyerId)
                .param("at", Timestamp.from(completedAt)).param("goods", goods).update();
        if (inserted == 0) {
            return;
        }
        Scheme scheme = scheme();
        if (scheme.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Progress after = progress(scheme, distributorId, now, orderId);
        boolean inWindow = completedAt.isAfter(now.minus(Duration.ofDays(scheme.windowDays())))
                && !completedAt.isAfter(now);
        BigDecimal added = !inWindow ? BigDecimal.ZERO
                : scheme.measure() == Measure.REVENUE ? goods : after.firstOrder() ? BigDecimal.ONE : BigDecimal.ZERO;
        Progress before = new Progress(after.figure().subtract(added), after.heldTier(), after.heldUntil(), false);
        Tier held = scheme.byId(before.heldTier()).orElse(null);
        Tier previous = higher(scheme.reachedBy(before.figure()).orElse(null), held).orElse(null);
        Tier reached = scheme.reachedBy(after.figure()).orElse(null);
        if (reached == null || (held != null && reached.threshold().compareTo(held.threshold()) < 0)) {
            return;
        }
        Instant until = now.plus(Duration.ofDays(scheme.windowDays()));
        boolean written;
        if (held != null) {
            written = jdbc.sql("""
                    UPDATE distributor_tier_standing SET tier_id = :t, reached_at = :now, held_until = :until
                    WHERE distributor_id = :d AND tier_id = :held""")
                    .param("t", reached.id()).param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                    .param("d", distributorId).param("held", held.id()).update() == 1;
        } else {
            // A standing whose window is over (or whose tier the owner removed) makes way for the new one.
            jdbc.sql("DELETE FROM distributor_tier_standing WHERE distributor_id = :d AND held_until <= :now")
                    .param("d", distributorId).param("now", Timestamp.from(now)).update();
            written = jdbc.sql("""
                    INSERT INTO distributor_tier_standing (distributor_id, tier_id, reached_at, held_until)
                    VALUES (:d, :t, :now, :until) ON CONFLICT DO NOTHING""")
                    .param("d", distributorId).param("t", reached.id()).param("now", Timestamp.from(now))
                    .param("until", Timestamp.from(until)).update() == 1;
        }
        if (written && (previous == null || reached.threshold().compareTo(previous.threshold()) > 0)) {
            events.publishEvent(new DistributorTierRaised(distributorId, reached.id(), reached.name(),
                    reached.level1Percent(), reached.level2Percent(), previous == null ? null : previous.name(), now,
                    until));
        }
    }

    /** A refund after completion lowers what the order counts as revenue (never below zero). */
    public void orderRefunded(long orderId, BigDecimal refunded) {
        jdbc.sql("""
                UPDATE distributor_tier_order SET goods = CASE WHEN goods > :r THEN goods - :r ELSE 0 END
                WHERE order_id = :o""").param("r", refunded).param("o", orderId).update();
    }

    /**
     * @param figure the window's figure in the scheme's measure
     * @param heldTier the tier held now (its window not over), null when none
     * @param firstOrder whether the order asked about was counted as its buyer's first
     */
    private record Progress(BigDecimal figure, @Nullable Long heldTier, @Nullable Instant heldUntil,
                            boolean firstOrder) {
    }

    /** The window's figure and the held tier in one statement (placing an order pays for it). */
    private Progress progress(Scheme scheme, long distributorId, Instant at, long orderId) {
        String figure = scheme.measure() == Measure.REVENUE ? "COALESCE(SUM(o.goods), 0)"
                : "COUNT(CASE WHEN o.first_order THEN 1 END)";
        return jdbc.sql("SELECT " + figure + """
                     AS figure,
                    (SELECT st.tier_id FROM distributor_tier_standing st
                     WHERE st.distributor_id = :d AND st.held_until > :at) AS held,
                    (SELECT st.held_until FROM distributor_tier_standing st
                     WHERE st.distributor_id = :d AND st.held_until > :at) AS held_until,
                    (SELECT COUNT(*) FROM distributor_tier_order f WHERE f.order_id = :order AND f.first_order) AS first_order
                FROM distributor_tier_order o
                WHERE o.distributor_id = :d AND o.completed_at > :since AND o.completed_at <= :at""")
                .param("d", distributorId).param("order", orderId).param("at", Timestamp.from(at))
                .param("since", Timestamp.from(at.minus(Duration.ofDays(scheme.windowDays()))))
                .query((rs, i) -> {
                    Timestamp until = rs.getTimestamp("held_until");
                    return new Progress(rs.getBigDecimal("figure"), rs.getObject("held", Long.class),
                            until == null ? null : until.toInstant(), rs.getLong("first_order") > 0);
                })
                .single();
    }

    private static Optional<Tier> higher(@Nullable Tier a, @Nullable Tier b) {
        if (a == null || b == null) {
            return Optional.ofNullable(a != null ? a : b);
        }
        return Optional.of(b.threshold().compareTo(a.threshold()) > 0 ? b : a);
    }

    private static boolean same(List<Tier> tiers, List<TierDraft> drafts) {
        if (tiers.size() != drafts.size()) {
            return false;
        }
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            TierDraft d = drafts.get(i);
            if (!t.name().equals(d.name()) || t.threshold().compareTo(d.threshold()) != 0
                    || t.level1Percent().compareTo(d.level1Percent()) != 0
                    || !Objects.equals(t.level2Percent() == null ? null : t.level2Percent().stripTrailingZeros(),
                            d.level2Percent() == null ? null : d.level2Percent().stripTrailingZeros())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Scheme scheme) {
        return scheme.measure() + "/" + scheme.windowDays() + "d: " + scheme.tiers().stream()
                .map(t -> t.name() + " >= " + t.threshold().stripTrailingZeros().toPlainString() + " @ "
                        + t.level1Percent().stripTrailingZeros().toPlainString() + "%"
                        + (t.level2Percent() == null ? "" : "/" + t.level2Percent().stripTrailingZeros().toPlainString() + "%"))
                .collect(Collectors.joining(", "));
    }
}
