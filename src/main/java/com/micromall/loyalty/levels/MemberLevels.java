package com.micromall.loyalty.levels;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.Role;
import com.micromall.settings.AuditLog;
import com.micromall.settings.ShopSettingsService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's member levels and each customer's level. Thresholds are amounts in the shop's currency or whole points,
 * as the shop's {@link LevelBasis} says; two levels never share a name or a threshold, so "the next level up" is
 * always one level.
 */
@Service
@RequiredArgsConstructor
public class MemberLevels {

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;
    private final LoyaltySpend spend;
    private final Clock clock;
    private final CustomerApi customers;
    private final AuditLog auditLog;
    /** Absent only where the points module is not loaded (a module test): no points earned, then. */
    private final ObjectProvider<EarnedPoints> earnedPoints;

    /** What the owner types for a level. */
    public record LevelTerms(String name, BigDecimal threshold, BigDecimal discountPercent) {
    }

    /** A level with how many customers hold it now. */
    public record LevelLine(MemberLevel level, long members) {
    }

    public enum Outcome { SAVED, ALREADY_SAVED, NAME_TAKEN, THRESHOLD_TAKEN }

    /** What the thresholds measure now. */
    @Transactional(readOnly = true)
    public LevelMeasure measure() {
        LevelBasis basis = LevelBasis.valueOf(jdbc.sql("SELECT basis FROM loyalty_level_basis WHERE id = 1")
                .query(String.class).single());
        return new LevelMeasure(basis, shopSettings.current().currency());
    }

    /**
     * Changes what the thresholds measure; the thresholds keep their numbers (the owner re-types them), and customers
     * move at their next recompute, never down before their period ends.
     */
    @Transactional
    public void changeBasis(LevelBasis basis, String actor) {
        LevelBasis before = measure().basis();
        if (before == basis) {
            return;
        }
        jdbc.sql("UPDATE loyalty_level_basis SET basis = :b, changed_at = :at WHERE id = 1")
                .param("b", basis.name()).param("at", Timestamp.from(clock.instant())).update();
        auditLog.record(actor, "loyalty.levels.basis", "member levels", before.name(), basis.name());
    }

    /**
     * What the customer paid for goods (in the 12 months before {@code now}, or ever), or the points they earned in
     * those 12 months, as {@code measure} says.
     */
    @Transactional(readOnly = true)
    public BigDecimal progressOf(long customerId, Instant now, LevelMeasure measure) {
        if (measure.points()) {
            EarnedPoints points = earnedPoints.getIfAvailable();
            long earned = points == null ? 0 : points.earnedBetween(customerId, spend.yearBefore(now), now);
            return BigDecimal.valueOf(Math.max(earned, 0));
        }
        if (measure.basis() == LevelBasis.LIFETIME) {
            return spend.spendOf(customerId, Instant.EPOCH, now, measure.currency()).amount();
        }
        return spend.rollingSpendOf(customerId, now, measure.currency()).amount();
    }

    /** Lowest threshold first. */
    @Transactional(readOnly = true)
    public List<MemberLevel> all() {
        return jdbc.sql("SELECT id, name, threshold, discount_percent FROM loyalty_level ORDER BY threshold")
                .query((rs, i) -> level(rs)).list();
    }

    /** Every level with how many customers hold it (a customer is placed on a level by their first recompute). */
    @Transactional(readOnly = true)
    public List<LevelLine> withMembers() {
        return jdbc.sql("""
                        SELECT l.id, l.name, l.threshold, l.discount_percent,
                               (SELECT COUNT(*) FROM loyalty_membership m WHERE m.level_id = l.id) AS members
                        FROM loyalty_level l ORDER BY l.threshold""")
                .query((rs, i) -> new LevelLine(level(rs), rs.getLong("members"))).list();
    }

    @Transactional(readOnly = true)
    public Optional<MemberLevel> find(long id) {
        return jdbc.sql("SELECT id, name, threshold, discount_percent FROM loyalty_level WHERE id = :id")
                .param("id", id).query((rs, i) -> level(rs)).optional();
    }

    /**
     * The customers on this level now: those who hold it and, for a level that starts at 0, every customer who holds
     * no level yet (as {@link #levelOf} places them).
     */
    @Transactional(readOnly = true)
    public Set<Long> membersOf(long levelId) {
        Set<Long> members = new LinkedHashSet<>(jdbc.sql("SELECT customer_id FROM loyalty_membership WHERE level_id = :l")
                .param("l", levelId).query(Long.class).list());
        boolean entryLevel = find(levelId).map(MemberLevel::fromZero).orElse(false);
        if (entryLevel) {
            Set<Long> placed = new HashSet<>(jdbc.sql("SELECT customer_id FROM loyalty_membership WHERE level_id IS NOT NULL")
                    .query(Long.class).list());
            customers.withRoles(List.of(Role.CUSTOMER)).stream().map(CustomerProfile::id)
                    .filter(id -> !placed.contains(id)).forEach(members::add);
        }
        return members;
    }

    /**
     * The customer's level now, in one statement: the level they hold, else a level that starts at 0 (everyone's
     * before their first order).
     */
    @Transactional(readOnly = true)
    public Optional<MemberLevel> levelOf(long customerId) {
        return jdbc.sql("""
                        SELECT l.id, l.name, l.threshold, l.discount_percent FROM loyalty_level l
                        LEFT JOIN loyalty_membership m ON m.level_id = l.id AND m.customer_id = :c
                        WHERE m.customer_id IS NOT NULL
                           OR (l.threshold = 0 AND NOT EXISTS
                               (SELECT 1 FROM loyalty_membership h WHERE h.customer_id = :c AND h.level_id IS NOT NULL))
                        ORDER BY l.threshold DESC LIMIT 1""")
                .param("c", customerId).query((rs, i) -> level(rs)).optional();
    }

    /** The customer's level, their progress this year and what is left to the next level. */
    @Transactional(readOnly = true)
    public MemberStanding standingOf(long customerId) {
        Instant now = clock.instant();
        LevelMeasure measure = measure();
        BigDecimal progress = progressOf(customerId, now, measure);
        List<MemberLevel> levels = all();
        MemberLevel level = levelOf(customerId).orElse(null);
        Instant heldUntil = jdbc.sql("SELECT held_until FROM loyalty_membership WHERE customer_id = :c AND level_id IS NOT NULL")
                .param("c", customerId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        MemberLevel next = levels.stream()
                .filter(candidate -> level == null || candidate.threshold().compareTo(level.threshold()) > 0)
                .filter(candidate -> !candidate.fromZero() || level != null)
                .findFirst().orElse(null);
        BigDecimal toNext = next == null ? null : next.threshold().subtract(progress).max(BigDecimal.ZERO);
        return new MemberStanding(level, measure, progress, next, toNext, heldUntil);
    }

    /**
     * Adds a level once per form: the same form sent again (a double click, a reload) finds its token taken and
     * adds nothing.
     */
    @Transactional
    public Outcome add(LevelTerms terms, String formToken) {
        if (jdbc.sql("SELECT COUNT(*) FROM loyalty_level WHERE form_token = :t").param("t", formToken)
                .query(Long.class).single() > 0) {
            return Outcome.ALREADY_SAVED;
        }
        Outcome clash = clash(terms, null);
        if (clash != null) {
            return clash;
        }
        try {
            jdbc.sql("""
                            INSERT INTO loyalty_level (name, threshold, discount_percent, form_token, created_at)
                            VALUES (:name, :threshold, :percent, :token, :at)""")
                    .param("name", terms.name()).param("threshold", terms.threshold())
                    .param("percent", terms.discountPercent()).param("token", formToken)
                    .param("at", Timestamp.from(clock.instant())).update();
            return Outcome.SAVED;
        } catch (DuplicateKeyException sameFormAtTheSameMoment) {
            return Outcome.ALREADY_SAVED;
        }
    }

    /** Changes a level; members keep it, and the next recompute applies the new threshold. */
    @Transactional
    public Outcome change(long id, LevelTerms terms) {
        Outcome clash = clash(terms, id);
        if (clash != null) {
            return clash;
        }
        jdbc.sql("UPDATE loyalty_level SET name = :name, threshold = :threshold, discount_percent = :percent WHERE id = :id")
                .param("name", terms.name()).param("threshold", terms.threshold())
                .param("percent", terms.discountPercent()).param("id", id).update();
        return Outcome.SAVED;
    }

    /**
     * Removes a level. Its members move to the level below it for what is left of their period: the owner took the
     * level away, so it is not a demotion by spend, and no mail says so.
     */
    @Transactional
    public void delete(long id) {
        MemberLevel gone = find(id).orElse(null);
        if (gone == null) {
            return;
        }
        Long below = jdbc.sql("""
                        SELECT id FROM loyalty_level WHERE threshold < :t ORDER BY threshold DESC LIMIT 1""")
                .param("t", gone.threshold()).query(Long.class).optional().orElse(null);
        jdbc.sql("UPDATE loyalty_membership SET level_id = :below WHERE level_id = :id")
                .param("below", below, Types.BIGINT).param("id", id).update();
        jdbc.sql("DELETE FROM loyalty_level WHERE id = :id").param("id", id).update();
    }

    private @Nullable Outcome clash(LevelTerms terms, @Nullable Long except) {
        long otherId = except == null ? -1 : except;
        if (jdbc.sql("SELECT COUNT(*) FROM loyalty_level WHERE LOWER(name) = LOWER(:n) AND id <> :id")
                .param("n", terms.name()).param("id", otherId).query(Long.class).single() > 0) {
            return Outcome.NAME_TAKEN;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM loyalty_level WHERE threshold = :t AND id <> :id")
                .param("t", terms.threshold()).param("id", otherId).query(Long.class).single() > 0) {
            return Outcome.THRESHOLD_TAKEN;
        }
        return null;
    }

    static MemberLevel level(ResultSet rs) throws SQLException {
        return new MemberLevel(rs.getLong("id"), rs.getString("name"), rs.getBigDecimal("threshold"),
                rs.getBigDecimal("discount_percent"));
    }
}
