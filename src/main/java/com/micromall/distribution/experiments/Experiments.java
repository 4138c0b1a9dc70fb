package com.micromall.distribution.experiments;

import com.micromall.distribution.referral.Distributors;
import com.micromall.settings.AuditLog;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The experiments' life cycle (start, end and adopt an arm), who is in which arm, and what the policy asks when it
 * snapshots an order: the arm that applies to a distributor now.
 */
@Service
@RequiredArgsConstructor
public class Experiments {

    public enum Population { NEW, ALL }

    public enum State { RUNNING, ENDED }

    /** An arm as the owner typed it. */
    public record ArmDraft(BigDecimal level1Percent, @Nullable WelcomeKind welcomeKind,
                           @Nullable BigDecimal welcomeValue, @Nullable BigDecimal welcomeCap) {
    }

    /**
     * What starting an experiment needs.
     *
     * @param requestToken the form's one-time token: the same form sent twice starts one experiment
     * @param seed the seed of the assignment (null: a fresh random one)
     */
    public record Start(String name, Population population, BigDecimal marginPercent, List<ArmDraft> arms,
                        String requestToken, @Nullable Long seed) {
    }

    public record Experiment(long id, String name, Population population, BigDecimal marginPercent, long seed,
                             State state, Instant startedAt, String startedBy, @Nullable Instant endedAt,
                             @Nullable Long adoptedArmId, List<Arm> arms) {

        public boolean running() {
            return state == State.RUNNING;
        }

        public Optional<Arm> arm(long armId) {
            return arms.stream().filter(a -> a.id() == armId).findFirst();
        }
    }

    /** Another experiment is running: only one runs at a time. */
    public static class AlreadyRunning extends RuntimeException {
        public AlreadyRunning() {
            super("An experiment is already running");
        }
    }

    /** An order placed under an arm, as the policy priced it at placing. */
    public record PricedOrder(long orderId, long armId, long distributorId, long buyerId, Instant placedAt,
                              BigDecimal goods, BigDecimal commission, BigDecimal discount) {
    }

    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Distributors distributors;
    private final DistributionSettingsService settings;
    private final AuditLog auditLog;
    private final SecureRandom seeds = new SecureRandom();

    /**
     * Starts an experiment and, for ALL distributors, deals them round its arms. A form sent again starts nothing
     * and answers the experiment it started.
     *
     * @throws AlreadyRunning when another experiment runs
     */
    @Transactional
    public long start(Start start, String actor) {
        Optional<Long> again = byToken(start.requestToken());
        if (again.isPresent()) {
            return again.get();
        }
        long seed = start.seed() != null ? start.seed() : seeds.nextLong();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO experiment (name, population, margin_percent, seed, state, running_slot, request_token,
                        started_at, started_by)
                    VALUES (:name, :population, :margin, :seed, 'RUNNING', 1, :token, :at, :by)""")
                    .param("name", start.name()).param("population", start.population().name())
                    .param("margin", start.marginPercent()).param("seed", seed).param("token", start.requestToken())
                    .param("at", Timestamp.from(now)).param("by", actor).update();
        } catch (DuplicateKeyException e) {
            // Two tabs: the one that lost either sent the same token (answer its experiment) or meets the running one.
            throw new AlreadyRunning();
        }
        long id = byToken(start.requestToken()).orElseThrow();
        for (int i = 0; i < start.arms().size(); i++) {
            ArmDraft arm = start.arms().get(i);
            jdbc.sql("""
                    INSERT INTO experiment_arm (experiment_id, position, label, level1_percent, welcome_kind,
                        welcome_value, welcome_cap)
                    VALUES (:e, :p, :label, :rate, :kind, :value, :cap)""")
                    .param("e", id).param("p", i).param("label", String.valueOf((char) ('A' + i)))
                    .param("rate", arm.level1Percent())
                    .param("kind", arm.welcomeKind() == null ? null : arm.welcomeKind().name(), java.sql.Types.VARCHAR)
                    .param("value", arm.welcomeValue(), java.sql.Types.NUMERIC)
                    .param("cap", arm.welcomeCap(), java.sql.Types.NUMERIC).update();
        }
        Experiment experiment = find(id).orElseThrow();
        if (start.population() == Population.ALL) {
            List<Distributors.Summary> all = new ArrayList<>(distributors.allActive());
            Collections.shuffle(all, new Random(seed));
            for (int i = 0; i < all.size(); i++) {
                insertAssignment(id, all.get(i).customerId(), all.get(i).code(),
                        experiment.arms().get(i % experiment.arms().size()).id(), now);
            }
        }
        auditLog.record(actor, "distribution.experiment.start", "experiment " + id, null, describe(experiment));
        return id;
    }

    /**
     * Ends a running experiment and, when {@code adoptArmId} is given, writes that arm's rate (and welcome benefit,
     * if it has one) into the distribution settings, audited. Placed orders keep the rate of their snapshot. Ending
     * an experiment that already ended changes nothing.
     *
     * @return whether this call ended it
     */
    @Transactional
    public boolean end(long experimentId, @Nullable Long adoptArmId, String actor) {
        Experiment experiment = find(experimentId).orElseThrow(() -> new IllegalArgumentException("No experiment " + experimentId));
        Optional<Arm> adopted = adoptArmId == null ? Optional.empty() : experiment.arm(adoptArmId);
        if (adoptArmId != null && adopted.isEmpty()) {
            throw new IllegalArgumentException("Arm " + adoptArmId + " is not in experiment " + experimentId);
        }
        int ended = jdbc.sql("""
                UPDATE experiment SET state = 'ENDED', running_slot = NULL, ended_at = :at, adopted_arm_id = :arm
                WHERE id = :id AND state = 'RUNNING'""")
                .param("at", Timestamp.from(clock.instant())).param("arm", adoptArmId, java.sql.Types.BIGINT)
                .param("id", experimentId).update();
        if (ended == 0) {
            return false;
        }
        auditLog.record(actor, "distribution.experiment.end", "experiment " + experimentId, "RUNNING",
                adopted.map(a -> "ENDED, adopted arm " + a.label() + " " + describe(a)).orElse("ENDED"));
        if (adopted.isPresent()) {
            DistributionSettings current = settings.current();
            settings.update(adopted.get().applyTo(current), actor);
        }
        return true;
    }

    /** The arm whose terms apply to the distributor now: their arm in the running experiment, if any. */
    @Transactional(readOnly = true)
    public Optional<Arm> armOf(long distributorId) {
        return jdbc.sql("""
                SELECT ar.* FROM experiment_assignment a JOIN experiment_arm ar ON ar.id = a.arm_id
                JOIN experiment e ON e.id = a.experiment_id
                WHERE a.distributor_id = :d AND e.running_slot = 1""")
                .param("d", distributorId).query(Experiments::arm).optional();
    }

    /** The policy priced an order placed under an arm; a replay changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void orderPlaced(PricedOrder order) {
        jdbc.sql("""
                INSERT INTO experiment_order (order_id, arm_id, distributor_id, buyer_id, placed_at, goods, commission,
                    discount)
                VALUES (:o, :arm, :d, :b, :at, :goods, :commission, :discount) ON CONFLICT DO NOTHING""")
                .param("o", order.orderId()).param("arm", order.armId()).param("d", order.distributorId())
                .param("b", order.buyerId()).param("at", Timestamp.from(order.placedAt())).param("goods", order.goods())
                .param("commission", order.commission()).param("discount", order.discount()).update();
    }

    /**
     * Puts a distributor who enrols while an experiment runs into one of its arms, drawn from the experiment's seed
     * and the distributor's id, so the same seed deals the same arms. An existing assignment stays.
     */
    @Transactional
    public Optional<Arm> assign(long distributorId, String code) {
        Optional<Experiment> running = running();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Experiment experiment = running.get();
        Arm arm = experiment.arms().get(draw(experiment.seed(), distributorId, experiment.arms().size()));
        insertAssignment(experiment.id(), distributorId, code, arm.id(), clock.instant());
        return armOf(distributorId);
    }

    /** The arm a seed deals a distributor: a reproducible draw, uniform over the arms. */
    static int draw(long seed, long distributorId, int arms) {
        return new SplittableRandom(seed ^ (distributorId * MIX)).nextInt(arms);
    }

    @Transactional(readOnly = true)
    public Optional<Experiment> running() {
        return jdbc.sql("SELECT id FROM experiment WHERE running_slot = 1").query(Long.class).optional()
                .flatMap(this::find);
    }

    @Transactional(readOnly = true)
    public Optional<Experiment> find(long id) {
        List<Arm> arms = jdbc.sql("SELECT * FROM experiment_arm WHERE experiment_id = :id ORDER BY position")
                .param("id", id).query(Experiments::arm).list();
        return jdbc.sql("SELECT * FROM experiment WHERE id = :id").param("id", id)
                .query((rs, i) -> experiment(rs, arms)).optional();
    }

    /** Every experiment, newest first, with its arms (two queries). */
    @Transactional(readOnly = true)
    public List<Experiment> all() {
        var arms = jdbc.sql("SELECT * FROM experiment_arm ORDER BY experiment_id, position").query(Experiments::arm)
                .list().stream().collect(Collectors.groupingBy(Arm::experimentId));
        return jdbc.sql("SELECT * FROM experiment ORDER BY started_at DESC, id DESC")
                .query((rs, i) -> experiment(rs, arms.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    private Optional<Long> byToken(String token) {
        return jdbc.sql("SELECT id FROM experiment WHERE request_token = :t").param("t", token).query(Long.class).optional();
    }

    private void insertAssignment(long experimentId, long distributorId, String code, long armId, Instant at) {
        jdbc.sql("""
                INSERT INTO experiment_assignment (experiment_id, distributor_id, code, arm_id, assigned_at)
                VALUES (:e, :d, :code, :arm, :at) ON CONFLICT DO NOTHING""")
                .param("e", experimentId).param("d", distributorId).param("code", code).param("arm", armId)
                .param("at", Timestamp.from(at)).update();
    }

    private static Experiment experiment(ResultSet rs, List<Arm> arms) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Experiment(rs.getLong("id"), rs.getString("name"), Population.valueOf(rs.getString("population")),
                rs.getBigDecimal("margin_percent"), rs.getLong("seed"), State.valueOf(rs.getString("state")),
                rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                ended == null ? null : ended.toInstant(), rs.getObject("adopted_arm_id", Long.class), arms);
    }

    private static Arm arm(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("welcome_kind");
        return new Arm(rs.getLong("id"), rs.getLong("experiment_id"), rs.getInt("position"), rs.getString("label"),
                rs.getBigDecimal("level1_percent"), kind == null ? null : WelcomeKind.valueOf(kind),
                rs.getBigDecimal("welcome_value"), rs.getBigDecimal("welcome_cap"));
    }

    private static String describe(Experiment experiment) {
        return experiment.name() + " (" + experiment.population() + "): "
                + experiment.arms().stream().map(a -> a.label() + " " + describe(a)).collect(Collectors.joining(", "));
    }

    private static String describe(Arm arm) {
        return arm.level1Percent().stripTrailingZeros().toPlainString() + "%"
                + (arm.hasWelcome() ? " welcome " + arm.welcomeKind() + " "
                + java.util.Objects.requireNonNull(arm.welcomeValue()).stripTrailingZeros().toPlainString() : "");
    }
}
