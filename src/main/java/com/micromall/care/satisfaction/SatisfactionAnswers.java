package com.micromall.care.satisfaction;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers as the rest of care reads them: a customer's answers for their file, customers by their latest answer
 * for the list's filter, and the score of the orders each staff member brought in.
 */
@Service
@RequiredArgsConstructor
public class SatisfactionAnswers {

    /** One order's answer; {@code changedAt} is when its current score was given. */
    public record Answer(String orderNumber, int score, @Nullable String comment, Instant changedAt) {

        public String kind() {
            return AnswerKind.of(score).name().toLowerCase(Locale.ROOT);
        }
    }

    /** The list filter's choices: by the kind of a customer's latest answer, or no answer at all. */
    public enum LatestAnswer {
        PROMOTER, PASSIVE, DETRACTOR, NONE;

        public static Optional<LatestAnswer> parse(@Nullable String value) {
            if (value == null) {
                return Optional.empty();
            }
            for (LatestAnswer choice : values()) {
                if (choice.name().equalsIgnoreCase(value.strip())) {
                    return Optional.of(choice);
                }
            }
            return Optional.empty();
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    /** The customer's answers, the latest first. */
    @Transactional(readOnly = true)
    public List<Answer> answersOf(long customerId) {
        return jdbc.sql("""
                        SELECT s.order_number, a.score, a.comment, a.changed_at
                        FROM satisfaction_answer a JOIN satisfaction_survey s ON s.id = a.survey_id
                        WHERE s.customer_id = :customer ORDER BY a.changed_at DESC, a.id DESC""")
                .param("customer", customerId)
                .query((rs, i) -> new Answer(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * Customers whose latest answer (by when it was last given or changed) is of this kind; for {@code NONE} the
     * customers who answered, to be left out.
     */
    @Transactional(readOnly = true)
    public Set<Long> customersWhoseLatestAnswerIs(LatestAnswer choice) {
        if (choice == LatestAnswer.NONE) {
            return customersWhoAnswered();
        }
        AnswerKind kind = AnswerKind.valueOf(choice.name());
        Map<Long, Integer> latest = new HashMap<>();
        jdbc.sql("""
                        SELECT s.customer_id, a.score
                        FROM satisfaction_answer a JOIN satisfaction_survey s ON s.id = a.survey_id
                        ORDER BY s.customer_id, a.changed_at DESC, a.id DESC""")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2))).list()
                .forEach(row -> latest.putIfAbsent(row.getKey(), row.getValue()));
        return latest.entrySet().stream().filter(e -> AnswerKind.of(e.getValue()) == kind).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Customers who answered at least once. */
    @Transactional(readOnly = true)
    public Set<Long> customersWhoAnswered() {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT s.customer_id
                        FROM satisfaction_answer a JOIN satisfaction_survey s ON s.id = a.survey_id""")
                .query(Long.class).list());
    }

    /** A staff member (from staff's roster) and the score of the answers to the orders attributed to them. */
    public record StaffScore(long staffId, String name, String code, boolean active, NetPromoterScore score) {
    }

    /**
     * Every staff member with the score of the answers to the orders staff's attribution gives them (the code the
     * order carries), the most answered first; members without answers have an empty score.
     */
    @Transactional(readOnly = true)
    public List<StaffScore> perStaffMember() {
        return jdbc.sql("""
                        SELECT m.id, m.name, m.code, m.deactivated_at,
                               COALESCE(SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END), 0) AS promoters,
                               COALESCE(SUM(CASE WHEN a.score BETWEEN 7 AND 8 THEN 1 ELSE 0 END), 0) AS passives,
                               COALESCE(SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END), 0) AS detractors
                        FROM care_staff m
                        LEFT JOIN care_staff_order o ON o.staff_id = m.id
                        LEFT JOIN satisfaction_survey s ON s.order_id = o.order_id
                        LEFT JOIN satisfaction_answer a ON a.survey_id = s.id
                        GROUP BY m.id, m.name, m.code, m.deactivated_at
                        ORDER BY COUNT(a.id) DESC, m.name, m.id""")
                .query((rs, i) -> new StaffScore(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
                        rs.getTimestamp("deactivated_at") == null, new NetPromoterScore(rs.getLong("promoters"),
                        rs.getLong("passives"), rs.getLong("detractors"))))
                .list();
    }
}
