package com.micromall.distribution.experiments;

import com.micromall.distribution.experiments.Experiments.Experiment;
import com.micromall.distribution.experiments.Intervals.Estimate;
import com.micromall.distribution.referral.ReferralClicks;
import com.micromall.settings.ShopSettingsService;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an experiment's arms did, each compared with the control (arm A): the counts, the money, two conversion
 * rates with 95 % Wilson intervals and their difference to the control with Newcombe's interval, and a reading in
 * plain words that says "not yet clear" while the interval of the difference includes 0.
 *
 * <p>Net margin after rewards = referred revenue × the shop's gross margin − commission − discount cost, where
 * referred revenue is the goods of the friends' orders placed under the arm (before the friend's discounts, not
 * cancelled), commission is the level-1 commission those orders earned at placing, and discount cost is the welcome
 * discount and friend's share given on them. Per distributor: divided by the arm's distributors. Refunds after placing
 * are not taken off. Clicks are referral's, asked for by the arm's codes; three more queries a page.
 */
@Service
@RequiredArgsConstructor
public class ExperimentResults {

    /** One arm's figures. The rates: sign-ups per click, and distributors with a friend's first order. */
    public record ArmResult(Arm arm, long distributors, long shareActions, long clicks, long signups,
                            long orderingDistributors, long firstOrders, Money revenue, Money commission,
                            Money discount, Money netMargin, Money netPerDistributor, Estimate signupRate,
                            Estimate orderingRate, @Nullable Estimate signupDifference,
                            @Nullable Estimate orderingDifference) {

        public boolean control() {
            return arm.position() == 0;
        }

        /** Friends' first orders per distributor. */
        public double firstOrdersPerDistributor() {
            return distributors == 0 ? 0 : (double) firstOrders / distributors;
        }
    }

    /** A sentence of the reading: a message key and its arguments. */
    public record Reading(String key, List<Object> args) {
    }

    public record Results(Experiment experiment, List<ArmResult> arms, List<Reading> readings) {
    }

    private final JdbcClient jdbc;
    private final Experiments experiments;
    private final ShopSettingsService shopSettings;
    private final ShopTime shopTime;
    private final ReferralClicks clicks;

    @Transactional(readOnly = true)
    public Optional<Results> of(long experimentId) {
        return experiments.find(experimentId).map(this::results);
    }

    private record Counts(long distributors, long clicks, long signups) {
    }

    private record Orders(long ordering, long buyers, BigDecimal goods, BigDecimal commission, BigDecimal discount) {
    }

    private Results results(Experiment experiment) {
        Currency currency = shopSettings.current().currency();
        Instant until = experiment.endedAt() != null ? experiment.endedAt() : shopTime.now();
        Map<Long, List<String>> codes = new HashMap<>();
        Map<Long, Long> signupsByArm = new HashMap<>();
        jdbc.sql("SELECT arm_id, code, signups FROM experiment_assignment WHERE experiment_id = :e")
                .param("e", experiment.id())
                .query(rs -> {
                    codes.computeIfAbsent(rs.getLong("arm_id"), k -> new ArrayList<>()).add(rs.getString("code"));
                    signupsByArm.merge(rs.getLong("arm_id"), rs.getLong("signups"), Long::sum);
                });
        Map<Long, Counts> counts = new HashMap<>();
        codes.forEach((arm, armCodes) -> counts.put(arm, new Counts(armCodes.size(),
                clicks.clicksOf(armCodes, experiment.startedAt(), until), signupsByArm.getOrDefault(arm, 0L))));
        Map<Long, Long> shares = new HashMap<>();
        jdbc.sql("""
                SELECT a.arm_id, COALESCE(SUM(s.actions), 0) AS actions
                FROM share_action s JOIN experiment_assignment a ON a.distributor_id = s.distributor_id
                WHERE a.experiment_id = :e AND s.action_day >= :from AND s.action_day <= :to GROUP BY a.arm_id""")
                .param("e", experiment.id()).param("from", Date.valueOf(shopTime.dayOf(experiment.startedAt())))
                .param("to", Date.valueOf(shopTime.dayOf(until)))
                .query(rs -> {
                    shares.put(rs.getLong("arm_id"), rs.getLong("actions"));
                });
        Map<Long, Orders> orders = new HashMap<>();
        // A refund after placing keeps the order's share that stayed sold (paid less refunded, over paid) of its goods,
        // commission and discount; an order refunded in full counts for nothing, like a cancelled one.
        jdbc.sql("SELECT o.arm_id, COUNT(DISTINCT o.distributor_id) AS ordering, COUNT(DISTINCT o.buyer_id) AS buyers, "
                        + "COALESCE(SUM(" + keptShare("o.goods") + "), 0) AS goods, "
                        + "COALESCE(SUM(" + keptShare("o.commission") + "), 0) AS commission, "
                        + "COALESCE(SUM(" + keptShare("o.discount") + "), 0) AS discount "
                        + "FROM experiment_order o JOIN experiment_arm a ON a.id = o.arm_id "
                        + "WHERE a.experiment_id = :e AND o.cancelled = FALSE "
                        + "AND (o.refunded <= 0 OR o.refunded < o.goods - o.discount) GROUP BY o.arm_id")
                .param("e", experiment.id())
                .query(rs -> {
                    orders.put(rs.getLong("arm_id"), new Orders(rs.getLong("ordering"), rs.getLong("buyers"),
                            rs.getBigDecimal("goods"), rs.getBigDecimal("commission"), rs.getBigDecimal("discount")));
                });
        List<ArmResult> arms = new ArrayList<>();
        Counts none = new Counts(0, 0, 0);
        Orders nothing = new Orders(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        Counts controlCounts = experiment.arms().isEmpty() ? none
                : counts.getOrDefault(experiment.arms().get(0).id(), none);
        Orders controlOrders = experiment.arms().isEmpty() ? nothing
                : orders.getOrDefault(experiment.arms().get(0).id(), nothing);
        for (Arm arm : experiment.arms()) {
            Counts c = counts.getOrDefault(arm.id(), none);
            Orders o = orders.getOrDefault(arm.id(), nothing);
            Money revenue = Money.of(o.goods(), currency, RoundingMode.DOWN);
            Money commission = Money.of(o.commission(), currency, RoundingMode.DOWN);
            Money discount = Money.of(o.discount(), currency, RoundingMode.DOWN);
            Money net = revenue.percent(experiment.marginPercent(), RoundingMode.DOWN).minus(commission).minus(discount);
            Money perDistributor = c.distributors() == 0 ? Money.zero(currency)
                    : Money.of(net.amount().divide(BigDecimal.valueOf(c.distributors()), 10, RoundingMode.DOWN), currency,
                            RoundingMode.DOWN);
            boolean control = arm.position() == 0;
            long signups = Math.min(c.signups(), c.clicks());
            arms.add(new ArmResult(arm, c.distributors(), shares.getOrDefault(arm.id(), 0L), c.clicks(), c.signups(),
                    o.ordering(), o.buyers(), revenue, commission, discount, net, perDistributor,
                    Intervals.wilson(signups, c.clicks()), Intervals.wilson(o.ordering(), c.distributors()),
                    // No difference where either side has nothing to compare yet.
                    control || c.clicks() == 0 || controlCounts.clicks() == 0 ? null
                            : Intervals.difference(signups, c.clicks(),
                            Math.min(controlCounts.signups(), controlCounts.clicks()), controlCounts.clicks()),
                    control || c.distributors() == 0 || controlCounts.distributors() == 0 ? null
                            : Intervals.difference(o.ordering(), c.distributors(), controlOrders.ordering(),
                            controlCounts.distributors())));
        }
        return new Results(experiment, arms, readings(arms));
    }

    /** The plain reading: for each arm against the control, first orders, and net margin per distributor. */
    static List<Reading> readings(List<ArmResult> arms) {
        List<Reading> readings = new ArrayList<>();
        if (arms.size() < 2) {
            return readings;
        }
        ArmResult control = arms.get(0);
        for (ArmResult arm : arms.subList(1, arms.size())) {
            Estimate diff = arm.orderingDifference();
            if (arm.distributors() == 0 || control.distributors() == 0 || diff == null) {
                readings.add(new Reading("admin.experiments.reading.noData", List.of(arm.arm().label())));
                continue;
            }
            String low = Intervals.points(diff.low());
            String high = Intervals.points(diff.high());
            double a = control.firstOrdersPerDistributor();
            double b = arm.firstOrdersPerDistributor();
            String moreOrFewer;
            if (a == 0) {
                moreOrFewer = b == 0 ? "same" : "more";
            } else {
                moreOrFewer = b > a ? "more" : b < a ? "fewer" : "same";
            }
            String relative = a == 0 ? "" : String.valueOf(Math.round(Math.abs(b / a - 1) * 100));
            String clear = diff.excludesZero() ? "clear" : "unclear";
            String key = "admin.experiments.reading." + moreOrFewer + (a == 0 && b > 0 ? "FromNone" : "") + "." + clear;
            readings.add(new Reading(key, List.of(arm.arm().label(), control.arm().label(), relative, low, high)));
            int margin = arm.netPerDistributor().compareTo(control.netPerDistributor());
            readings.add(new Reading("admin.experiments.reading.margin." + (margin > 0 ? "higher" : margin < 0 ? "lower" : "same"),
                    List.of(arm.arm().label(), control.arm().label())));
        }
        return readings;
    }

    /** The share of an order's figure that stayed sold: figure × (paid − refunded) / paid, multiplied first. */
    private static String keptShare(String figure) {
        return "CASE WHEN o.refunded <= 0 THEN " + figure + " ELSE " + figure
                + " * (o.goods - o.discount - o.refunded) / (o.goods - o.discount) END";
    }
}
