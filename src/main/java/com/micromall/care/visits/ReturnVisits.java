package com.micromall.care.visits;

import com.micromall.order.OrderCompleted;
import com.micromall.order.OrderLineSnapshot;
import com.micromall.settings.ShopTime;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return visits: scheduled when an order with a planned product completes (the order's last state, reached once the
 * goods were delivered), listed by when they are due, and recorded once with how they went.
 */
@Service
@RequiredArgsConstructor
public class ReturnVisits {

    public static final int MAX_NOTE = 1000;

    public record Visit(long id, long customerId, String orderNumber, long productId, String productName,
                        String description, int sequence, LocalDate dueOn, @Nullable Instant doneAt,
                        @Nullable String doneBy, @Nullable VisitOutcome outcome, @Nullable String note) {

        public boolean done() {
            return doneAt != null;
        }
    }

    /** Open visits split by when they are due, counted in the shop's days. */
    public record DueList(List<Visit> overdue, List<Visit> thisWeek, List<Visit> upcoming, List<Visit> recentlyDone) {
    }

    /** What marking a visit done did: recorded now, or it had been recorded already (another tab, a double click). */
    public enum Marking { RECORDED, ALREADY_DONE }

    private static final String SELECT = """
            SELECT id, customer_id, order_number, product_id, product_name, description, sequence, due_on, done_at,
                   done_by, outcome, note FROM care_visit""";

    private final JdbcClient jdbc;
    private final VisitPlans plans;
    private final ShopTime shopTime;

    /**
     * One visit per planned product of the order and per planned round: the first {@code interval} months after the
     * day the order completed in the shop's time zone, and so on. Hearing the same order twice schedules nothing new.
     */
    @Transactional
    public int schedule(OrderCompleted order) {
        Map<Long, String> products = new LinkedHashMap<>();
        for (OrderLineSnapshot line : order.lines()) {
            products.putIfAbsent(line.productId(), line.productName());
        }
        LocalDate completedOn = LocalDate.ofInstant(order.completedAt(), shopTime.zone());
        int scheduled = 0;
        for (VisitPlans.Plan plan : plans.plansOf(products.keySet())) {
            for (int round = 1; round <= plan.visits(); round++) {
                scheduled += jdbc.sql("""
                                INSERT INTO care_visit (customer_id, order_id, order_number, product_id, product_name,
                                                        description, sequence, due_on)
                                SELECT :c, :o, :n, :p, :name, :d, :s, :due WHERE NOT EXISTS
                                  (SELECT 1 FROM care_visit WHERE order_id = :o AND product_id = :p AND sequence = :s)""")
                        .param("c", order.customerId()).param("o", order.orderId()).param("n", order.orderNumber())
                        .param("p", plan.productId()).param("name", products.get(plan.productId()))
                        .param("d", plan.description()).param("s", round)
                        .param("due", Date.valueOf(completedOn.plusMonths((long) plan.intervalMonths() * round)))
                        .update();
            }
        }
        return scheduled;
    }

    /** Overdue (before today), this week (today and the six days after), upcoming (later, the next 50). */
    @Transactional(readOnly = true)
    public DueList dueList() {
        LocalDate today = shopTime.today();
        LocalDate weekEnd = today.plusDays(7);
        List<Visit> overdue = jdbc.sql(SELECT + " WHERE done_at IS NULL AND due_on < :today ORDER BY due_on, id")
                .param("today", Date.valueOf(today)).query((rs, i) -> visit(rs)).list();
        List<Visit> thisWeek = jdbc.sql(SELECT + " WHERE done_at IS NULL AND due_on >= :today AND due_on < :end "
                        + "ORDER BY due_on, id")
                .param("today", Date.valueOf(today)).param("end", Date.valueOf(weekEnd)).query((rs, i) -> visit(rs))
                .list();
        List<Visit> upcoming = jdbc.sql(SELECT + " WHERE done_at IS NULL AND due_on >= :end ORDER BY due_on, id LIMIT 50")
                .param("end", Date.valueOf(weekEnd)).query((rs, i) -> visit(rs)).list();
        List<Visit> done = jdbc.sql(SELECT + " WHERE done_at IS NOT NULL ORDER BY done_at DESC, id DESC LIMIT 10")
                .query((rs, i) -> visit(rs)).list();
        return new DueList(overdue, thisWeek, upcoming, done);
    }

    public LocalDate today() {
        return shopTime.today();
    }

    @Transactional(readOnly = true)
    public List<Visit> visitsOf(long customerId) {
        return jdbc.sql(SELECT + " WHERE customer_id = :c ORDER BY due_on, id").param("c", customerId)
                .query((rs, i) -> visit(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<Visit> find(long visitId) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", visitId).query((rs, i) -> visit(rs)).optional();
    }

    /**
     * Records how the visit went, once: the update only touches a visit not done yet, so a second tab or a double
     * click finds it done and changes nothing. A happy customer's visit keeps the share card for their next mail.
     */
    @Transactional
    public Marking markDone(long visitId, VisitOutcome outcome, @Nullable String note, String by) {
        int updated = jdbc.sql("""
                        UPDATE care_visit SET done_at = :at, done_by = :by, outcome = :outcome, note = :note,
                          share_card_pending = :share
                        WHERE id = :id AND done_at IS NULL""")
                .param("at", Timestamp.from(shopTime.now())).param("by", by).param("outcome", outcome.name())
                .param("note", note).param("share", outcome == VisitOutcome.HAPPY).param("id", visitId).update();
        return updated == 1 ? Marking.RECORDED : Marking.ALREADY_DONE;
    }

    private static Visit visit(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp doneAt = rs.getTimestamp("done_at");
        String outcome = rs.getString("outcome");
        return new Visit(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("order_number"),
                rs.getLong("product_id"), rs.getString("product_name"), rs.getString("description"),
                rs.getInt("sequence"), rs.getDate("due_on").toLocalDate(), doneAt == null ? null : doneAt.toInstant(),
                rs.getString("done_by"), outcome == null ? null : VisitOutcome.valueOf(outcome), rs.getString("note"));
    }

    /** How many visits each account (by its sign-in address, lower case) recorded as done. */
    @Transactional(readOnly = true)
    public Map<String, Long> doneCountsByAccount() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT LOWER(done_by) AS who, COUNT(*) AS done FROM care_visit
                        WHERE done_at IS NOT NULL AND done_by IS NOT NULL GROUP BY LOWER(done_by)""")
                .query((rs, i) -> Map.entry(rs.getString("who"), rs.getLong("done"))).list()
                .forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }
}
