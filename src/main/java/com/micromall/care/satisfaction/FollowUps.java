package com.micromall.care.satisfaction;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The follow-up queue: one task per unhappy answer, due soon after it, assigned to someone who runs the shop. */
@Service
@RequiredArgsConstructor
class FollowUps {

    /** Who may take a follow-up task: the accounts that run the shop, the owner and the staff. */
    static final Set<Role> ASSIGNABLE = EnumSet.of(Role.OWNER, Role.STAFF);
    static final int DONE_SHOWN = 20;

    private final JdbcClient jdbc;
    private final CustomerApi customers;
    private final Clock clock;

    record Task(long id, String orderNumber, long customerId, String customerName, int score, @Nullable String comment,
                Instant answeredAt, Instant dueAt, @Nullable Long assigneeId, @Nullable String assigneeName,
                @Nullable Instant doneAt, @Nullable String doneBy, @Nullable String doneNote) {

        boolean overdue(Instant now) {
            return doneAt == null && dueAt.isBefore(now);
        }
    }

    @Transactional(readOnly = true)
    List<CustomerProfile> assignees() {
        return customers.withRoles(ASSIGNABLE);
    }

    /** Open tasks, soonest due first, then the latest done ones. */
    @Transactional(readOnly = true)
    List<Task> queue() {
        List<Row> rows = new java.util.ArrayList<>(rows("f.done_at IS NULL ORDER BY f.due_at, f.id", Integer.MAX_VALUE));
        rows.addAll(rows("f.done_at IS NOT NULL ORDER BY f.done_at DESC, f.id DESC", DONE_SHOWN));
        Set<Long> people = rows.stream().map(Row::customerId).collect(Collectors.toSet());
        rows.stream().map(Row::assigneeId).filter(java.util.Objects::nonNull).forEach(people::add);
        Map<Long, String> names = customers.findAll(people).stream()
                .collect(Collectors.toMap(CustomerProfile::id, CustomerProfile::name, (a, b) -> a));
        return rows.stream().map(row -> new Task(row.id(), row.orderNumber(), row.customerId(),
                names.getOrDefault(row.customerId(), "#" + row.customerId()), row.score(), row.comment(),
                row.answeredAt(), row.dueAt(), row.assigneeId(),
                row.assigneeId() == null ? null : names.get(row.assigneeId()), row.doneAt(), row.doneBy(),
                row.doneNote())).toList();
    }

    private List<Row> rows(String whereAndOrder, int limit) {
        return jdbc.sql("""
                        SELECT f.id, s.order_number, s.customer_id, a.score, a.comment, a.answered_at, f.due_at,
                               f.assignee_id, f.done_at, f.done_by, f.done_note
                        FROM satisfaction_follow_up f JOIN satisfaction_survey s ON s.id = f.survey_id
                        JOIN satisfaction_answer a ON a.survey_id = s.id
                        WHERE\s""" + whereAndOrder + " LIMIT :limit")
                .param("limit", limit)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("order_number"), rs.getLong("customer_id"),
                        rs.getInt("score"), rs.getString("comment"), rs.getTimestamp("answered_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant(), (Long) rs.getObject("assignee_id", Long.class),
                        instant(rs.getTimestamp("done_at")), rs.getString("done_by"), rs.getString("done_note")))
                .list();
    }

    private record Row(long id, String orderNumber, long customerId, int score, @Nullable String comment,
                       Instant answeredAt, Instant dueAt, @Nullable Long assigneeId, @Nullable Instant doneAt,
                       @Nullable String doneBy, @Nullable String doneNote) {
    }

    /** False when the account may not take tasks or the task is gone. */
    @Transactional
    boolean assign(long taskId, @Nullable Long assigneeId) {
        if (assigneeId != null && assignees().stream().noneMatch(account -> account.id() == assigneeId)) {
            return false;
        }
        return jdbc.sql("UPDATE satisfaction_follow_up SET assignee_id = :who, version = version + 1 WHERE id = :id")
                .param("who", assigneeId).param("id", taskId).update() == 1;
    }

    /** Marks the task done once: a second submit of the same form finds it done and changes nothing. */
    @Transactional
    boolean markDone(long taskId, String note, String by) {
        return jdbc.sql("""
                        UPDATE satisfaction_follow_up SET done_at = :now, done_by = :by, done_note = :note,
                            version = version + 1
                        WHERE id = :id AND done_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("note", note.strip())
                .param("id", taskId).update() == 1;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
