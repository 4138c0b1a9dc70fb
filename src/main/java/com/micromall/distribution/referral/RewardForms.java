package com.micromall.distribution.referral;

import com.micromall.distribution.RewardForm;
import com.micromall.settings.AuditLog;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reward forms the owner offers and the points bonus. Read when commission is credited, so a change applies to
 * what is credited from then on and never to an entry already written. A sharer whose chosen form is no longer
 * offered keeps their choice (it comes back if the owner offers the form again) but is credited in the first
 * offered form of CASH, STORE_CREDIT, POINTS meanwhile. Changed by the owner, audited like the other rules.
 */
@Service
@RequiredArgsConstructor
public class RewardForms {

    /**
     * @param allowed at least one form
     * @param pointsBonusPercent POINTS commission is worth this much more as points (amount × (1 + bonus %))
     */
    public record Rules(Set<RewardForm> allowed, BigDecimal pointsBonusPercent) {

        public Rules {
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("At least one reward form must be offered");
            }
            if (pointsBonusPercent.signum() < 0 || pointsBonusPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("Points bonus out of range: " + pointsBonusPercent);
            }
            allowed = Set.copyOf(EnumSet.copyOf(allowed));
        }

        public boolean allows(RewardForm form) {
            return allowed.contains(form);
        }

        /** The form a sharer who chose {@code chosen} is credited in now. */
        public RewardForm inForce(RewardForm chosen) {
            if (allows(chosen)) {
                return chosen;
            }
            for (RewardForm form : RewardForm.values()) {
                if (allows(form)) {
                    return form;
                }
            }
            throw new IllegalStateException("No reward form offered");
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    @Transactional(readOnly = true)
    public Rules current() {
        return read("");
    }

    /** Saves the owner's rules, one audit line per field that changed; saving the same rules again changes nothing. */
    @Transactional
    public void change(Rules next, String actor) {
        Rules before = read(" FOR UPDATE");
        if (before.allowed().equals(next.allowed())
                && before.pointsBonusPercent().compareTo(next.pointsBonusPercent()) == 0) {
            return;
        }
        jdbc.sql("""
                UPDATE referral_reward_forms SET cash = :cash, store_credit = :credit, points = :points,
                    points_bonus_percent = :bonus, version = version + 1 WHERE id = 1""")
                .param("cash", next.allows(RewardForm.CASH)).param("credit", next.allows(RewardForm.STORE_CREDIT))
                .param("points", next.allows(RewardForm.POINTS)).param("bonus", next.pointsBonusPercent()).update();
        if (!before.allowed().equals(next.allowed())) {
            auditLog.recordChange(actor, "settings.distribution", "rewardForms", names(before.allowed()),
                    names(next.allowed()));
        }
        if (before.pointsBonusPercent().compareTo(next.pointsBonusPercent()) != 0) {
            auditLog.recordChange(actor, "settings.distribution", "pointsBonusPercent",
                    before.pointsBonusPercent().toPlainString(), next.pointsBonusPercent().toPlainString());
        }
    }

    private Rules read(String lock) {
        return jdbc.sql("SELECT cash, store_credit, points, points_bonus_percent FROM referral_reward_forms WHERE id = 1" + lock)
                .query((rs, i) -> {
                    Set<RewardForm> allowed = EnumSet.noneOf(RewardForm.class);
                    if (rs.getBoolean("cash")) {
                        allowed.add(RewardForm.CASH);
                    }
                    if (rs.getBoolean("store_credit")) {
                        allowed.add(RewardForm.STORE_CREDIT);
                    }
                    if (rs.getBoolean("points")) {
                        allowed.add(RewardForm.POINTS);
                    }
                    return new Rules(allowed, rs.getBigDecimal("points_bonus_percent"));
                })
                .single();
    }

    private static String names(Set<RewardForm> forms) {
        return EnumSet.copyOf(forms).stream().map(Enum::name).reduce((a, b) -> a + "," + b).orElse("");
    }
}
