package com.micromall.care.satisfaction;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's view of the answers: the score per week or month (by when the answer was first given, counting its
 * latest score), per product the order contained, and the latest comments.
 */
@Service
@RequiredArgsConstructor
class SatisfactionReport {

    static final int PERIODS = 12;
    static final int COMMENTS_SHOWN = 50;

    private final JdbcClient jdbc;
    private final CustomerApi customers;

    enum Granularity { WEEK, MONTH }

    record Period(LocalDate start, NetPromoterScore score) {
    }

    record ProductScore(long productId, String productName, NetPromoterScore score) {
    }

    record Comment(String orderNumber, String customerName, int score, String comment, Instant changedAt) {
    }

    /** The last {@link #PERIODS} weeks (Monday first) or months up to {@code today}, oldest first, empty ones too. */
    @Transactional(readOnly = true)
    List<Period> periods(Granularity granularity, LocalDate today, ZoneId zone) {
        LocalDate current = start(granularity, today);
        LocalDate first = granularity == Granularity.WEEK ? current.minusWeeks(PERIODS - 1)
                : current.minusMonths(PERIODS - 1);
        Map<LocalDate, NetPromoterScore> scores = new LinkedHashMap<>();
        for (LocalDate start = first; !start.isAfter(current);
             start = granularity == Granularity.WEEK ? start.plusWeeks(1) : start.plusMonths(1)) {
            scores.put(start, NetPromoterScore.NONE);
        }
        record Answer(int score, Instant answeredAt) {
        }
        jdbc.sql("SELECT score, answered_at FROM satisfaction_answer WHERE answered_at >= :from")
                .param("from", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .query((rs, i) -> new Answer(rs.getInt("score"), rs.getTimestamp("answered_at").toInstant()))
                .list()
                .forEach(answer -> scores.computeIfPresent(
                        start(granularity, answer.answeredAt().atZone(zone).toLocalDate()),
                        (start, score) -> score.plus(answer.score())));
        List<Period> periods = new ArrayList<>();
        scores.forEach((start, score) -> periods.add(new Period(start, score)));
        return periods;
    }

    static LocalDate start(Granularity granularity, LocalDate day) {
        return granularity == Granularity.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
    }

    @Transactional(readOnly = true)
    NetPromoterScore overall() {
        return jdbc.sql(COUNT_BY_KIND + " FROM satisfaction_answer a")
                .query((rs, i) -> new NetPromoterScore(rs.getLong("promoters"), rs.getLong("passives"),
                        rs.getLong("detractors"))).single();
    }

    /** Each product with its answers, most answered first. */
    @Transactional(readOnly = true)
    List<ProductScore> perProduct() {
        return jdbc.sql(COUNT_BY_KIND + """
                        , p.product_id, MAX(p.product_name) AS product_name
                        FROM satisfaction_survey_product p JOIN satisfaction_answer a ON a.survey_id = p.survey_id
                        GROUP BY p.product_id ORDER BY COUNT(*) DESC, p.product_id""")
                .query((rs, i) -> new ProductScore(rs.getLong("product_id"), rs.getString("product_name"),
                        new NetPromoterScore(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors"))))
                .list();
    }

    @Transactional(readOnly = true)
    List<Comment> comments() {
        record Row(String orderNumber, long customerId, int score, String comment, Instant changedAt) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT s.order_number, s.customer_id, a.score, a.comment, a.changed_at
                        FROM satisfaction_answer a JOIN satisfaction_survey s ON s.id = a.survey_id
                        WHERE a.comment IS NOT NULL ORDER BY a.changed_at DESC, a.id DESC LIMIT :limit""")
                .param("limit", COMMENTS_SHOWN)
                .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        Map<Long, String> names = customers.findAll(rows.stream().map(Row::customerId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(CustomerProfile::id, CustomerProfile::name));
        return rows.stream().map(row -> new Comment(row.orderNumber(),
                names.getOrDefault(row.customerId(), "#" + row.customerId()), row.score(), row.comment(),
                row.changedAt())).toList();
    }

    private static final String COUNT_BY_KIND = """
            SELECT SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END) AS promoters,
                   SUM(CASE WHEN a.score BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
                   SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END) AS detractors""";
}
