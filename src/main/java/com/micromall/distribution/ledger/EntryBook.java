package com.micromall.distribution.ledger;

import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionVoided;
import com.micromall.distribution.RewardForm;
import com.micromall.settings.ShopTime;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The books: commission entries as immutable rows. Loads a {@link CommissionEntry} for a transition (which it refuses
 * when illegal) and saves what changed - states, timeline lines and the distributor's account
 * ({@link DistributorAccounts}) - in the caller's transaction, which every write here requires. Amounts are never
 * updated. The unique key (line, beneficiary, level, kind, refund reference) makes booking the same entry twice
 * harmless: inserts use ON CONFLICT DO NOTHING. When an entry is booked is crediting's rule, not the books'.
 */
@Component
@RequiredArgsConstructor
public class EntryBook {

    /**
     * The level of a staff member's own commission on an order they are attributed to. Being an ordinary COMMISSION
     * entry, it freezes, unfreezes, reverses and is clawed back exactly like a sharer's.
     */
    public static final int STAFF_LEVEL = 0;

    private final JdbcClient jdbc;
    private final DistributorAccounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ShopTime shopTime;

    /**
     * A new entry to book: a commission ({@code parentId} null, {@code refundRef} empty) or a reversal or clawback taken
     * from commission {@code parentId} by the refund {@code refundRef}; {@code holdReason} is {@link HoldReason#stored}.
     */
    public record NewEntry(long distributorId, long buyerId, long orderId, String orderNumber, long lineId,
                           long productId, int level, RewardForm form, EntryKind kind, String refundRef,
                           @Nullable Long parentId, int units, String rateNote, Money amount, LedgerState state,
                           @Nullable String holdReason, Instant unfreezesAt, Instant createdAt) {
    }

    /** A commission waiting for the owner; {@code holdReasons} as stored: every {@link HoldReason} name found. */
    public record HeldEntry(long entryId, long distributorId, String orderNumber, int level, Money amount,
                            @Nullable String holdReasons, Instant createdAt) {
    }

    /** The oldest {@code limit} commissions ON_HOLD, oldest first. */
    @Transactional(readOnly = true)
    public List<HeldEntry> held(int limit) {
        return jdbc.sql("""
                SELECT id, distributor_id, order_number, level, amount, currency, hold_reason, created_at
                FROM commission_entry WHERE state = 'ON_HOLD' AND kind = 'COMMISSION'
                ORDER BY created_at, id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new HeldEntry(rs.getLong("id"), rs.getLong("distributor_id"), rs.getString("order_number"),
                        rs.getInt("level"), Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("hold_reason"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Commission credited (frozen or available) in the shop's current calendar month: what the budget counts. */
    public BigDecimal creditedThisMonth() {
        return creditedIn(shopTime.currentMonth());
    }

    /** Commission credited (frozen or available) in {@code month} of the shop's calendar, in the shop's time zone. */
    public BigDecimal creditedIn(YearMonth month) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM commission_entry
                WHERE kind = 'COMMISSION' AND level > 0 AND state IN ('FROZEN', 'AVAILABLE')
                    AND created_at >= :start AND created_at < :end""")
                .param("start", Timestamp.from(shopTime.monthStart(month)))
                .param("end", Timestamp.from(shopTime.monthEnd(month))).query(BigDecimal.class).single();
    }

    /**
     * The commission entry {@code id} with what was taken back from it, its rows locked until the transaction ends:
     * the one way an entry is loaded to ask it for a transition. Empty when there is no such commission.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<CommissionEntry> load(long id) {
        Optional<CommissionEntry> entry = jdbc.sql("""
                SELECT id, distributor_id, line_id, product_id, level, reward_form, units, amount, currency, state,
                    unfreezes_at
                FROM commission_entry WHERE id = :id AND kind = :commission FOR UPDATE""")
                .param("id", id).param("commission", EntryKind.COMMISSION.name())
                .query((rs, i) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new CommissionEntry(rs.getLong("id"), rs.getLong("distributor_id"), rs.getLong("line_id"),
                            rs.getLong("product_id"), rs.getInt("level"), RewardForm.valueOf(rs.getString("reward_form")),
                            rs.getInt("units"),
                            Money.of(rs.getBigDecimal("amount"), currency), LedgerState.valueOf(rs.getString("state")),
                            rs.getTimestamp("unfreezes_at").toInstant(), takenBack(id, currency));
                })
                .optional();
        return entry;
    }

    private List<CommissionEntry.TakenBack> takenBack(long parentId, Currency currency) {
        return jdbc.sql("SELECT id, kind, units, amount FROM commission_entry WHERE parent_id = :p ORDER BY id FOR UPDATE")
                .param("p", parentId)
                .query((rs, i) -> new CommissionEntry.TakenBack(rs.getLong("id"), EntryKind.valueOf(rs.getString("kind")),
                        rs.getInt("units"), Money.of(rs.getBigDecimal("amount"), currency)))
                .list();
    }

    /** Writes what the entry's transitions changed: its states and its reversals', timeline lines, the account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(CommissionEntry entry) {
        for (CommissionEntry.Change change : entry.changes()) {
            if (change.from() == change.to()) {
                timeline(entry.id(), change.to(), change.note());
            } else {
                moveGroup(entry.id(), change.from(), change.to(), change.note());
            }
        }
        entry.saved();
    }

    /**
     * Moves an entry and its reversals from one state to another, with a timeline line each. The rows are
     * locked first, so the totals move by exactly the amounts of the rows that moved.
     */
    private int moveGroup(long entryId, LedgerState from, LedgerState to, String note) {
        List<MovedRow> rows = jdbc.sql("""
                SELECT id, distributor_id, level, reward_form, kind, amount, currency, order_id, order_number, created_at
                FROM commission_entry WHERE (id = :id OR parent_id = :id) AND state = :from FOR UPDATE""")
                .param("id", entryId).param("from", from.name())
                .query((rs, i) -> new MovedRow(rs.getLong("id"), rs.getLong("distributor_id"), rs.getInt("level"),
                        RewardForm.valueOf(rs.getString("reward_form")), rs.getString("kind"), rs.getBigDecimal("amount"),
                        rs.getString("currency"), rs.getLong("order_id"), rs.getString("order_number"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> ids = rows.stream().map(MovedRow::id).toList();
        jdbc.sql("""
                INSERT INTO commission_entry_event (entry_id, state, occurred_at, note)
                SELECT id, :to, :at, :note FROM commission_entry WHERE id IN (:ids)""")
                .param("to", to.name()).param("at", Timestamp.from(clock.instant())).param("note", note)
                .param("ids", ids).update();
        int moved = jdbc.sql("UPDATE commission_entry SET state = :to WHERE id IN (:ids)")
                .param("to", to.name()).param("ids", ids).update();
        MovedRow first = rows.get(0);
        if (first.level() == STAFF_LEVEL) {
            return moved;
        }
        if (CommissionEntry.inAccount(first.level(), first.rewardForm())) {
            rows.stream().collect(Collectors.groupingBy(MovedRow::distributorId,
                            Collectors.reducing(BigDecimal.ZERO, MovedRow::amount, BigDecimal::add)))
                    .forEach((distributor, amount) -> accounts.moved(distributor, from, to, amount));
        }
        if (to == LedgerState.VOID) {
            rows.stream().filter(row -> EntryKind.COMMISSION.name().equals(row.kind()))
                    .forEach(row -> events.publishEvent(new CommissionVoided(row.id(), row.distributorId(), row.orderId(),
                            row.orderNumber(), row.level(), Money.of(row.amount(), Currency.getInstance(row.currency())),
                            row.createdAt(), clock.instant(), row.rewardForm())));
        }
        if (from == LedgerState.ON_HOLD && to == LedgerState.AVAILABLE) {
            // A released hold whose window is already over: withdrawable from now on, like a settled entry.
            BigDecimal amount = rows.stream().map(MovedRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Money available = Money.of(amount, Currency.getInstance(first.currency()));
            events.publishEvent(new CommissionAvailable(first.distributorId(), available, rows.size(),
                    List.of(first.orderNumber()), clock.instant(), first.rewardForm(),
                    first.rewardForm() == RewardForm.POINTS ? List.of(new CommissionAvailable.Entry(entryId, available))
                            : List.of()));
        }
        return moved;
    }

    private record MovedRow(long id, long distributorId, int level, RewardForm rewardForm, String kind,
                            BigDecimal amount, String currency, long orderId, String orderNumber, Instant createdAt) {
    }

    /**
     * Books a new entry and adds it to its distributor's account; the id of the entry, or null when the unique key
     * (line, beneficiary, level, kind, refund reference) was booked already, so a replayed event books nothing twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public @Nullable Long insert(NewEntry entry) {
        int inserted = jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    reward_form, kind, refund_ref, parent_id, units, rate_note, amount, currency, state, hold_reason,
                    unfreezes_at, created_at)
                VALUES (:d, :buyer, :order, :number, :line, :product, :level, :form, :kind, :ref, :parent, :units, :rate,
                    :amount, :currency, :state, :hold, :unfreezes, :created)
                ON CONFLICT DO NOTHING""")
                .param("d", entry.distributorId()).param("buyer", entry.buyerId()).param("order", entry.orderId())
                .param("number", entry.orderNumber()).param("line", entry.lineId()).param("product", entry.productId())
                .param("level", entry.level()).param("form", entry.form().name()).param("kind", entry.kind().name())
                .param("ref", entry.refundRef()).param("parent", entry.parentId(), java.sql.Types.BIGINT)
                .param("units", entry.units()).param("rate", entry.rateNote())
                .param("amount", entry.amount().amount()).param("currency", entry.amount().currency().getCurrencyCode())
                .param("state", entry.state().name()).param("hold", entry.holdReason(), java.sql.Types.VARCHAR)
                .param("unfreezes", Timestamp.from(entry.unfreezesAt())).param("created", Timestamp.from(entry.createdAt()))
                .update();
        if (inserted == 0) {
            return null;
        }
        if (CommissionEntry.inAccount(entry.level(), entry.form())) {
            // Staff commission is paid with wages and POINTS commission as points: neither joins a sharer's cash.
            accounts.entryAdded(entry.distributorId(), entry.kind(), entry.state(), entry.amount().amount());
        }
        return jdbc.sql("""
                SELECT id FROM commission_entry
                WHERE line_id = :line AND distributor_id = :d AND level = :level AND kind = :kind AND refund_ref = :ref""")
                .param("line", entry.lineId()).param("d", entry.distributorId()).param("level", entry.level())
                .param("kind", entry.kind().name()).param("ref", entry.refundRef()).query(Long.class).single();
    }

    /** A line on the entry's timeline, its state unchanged. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void timeline(long entryId, LedgerState state, String note) {
        jdbc.sql("INSERT INTO commission_entry_event (entry_id, state, occurred_at, note) VALUES (:id, :s, :at, :note)")
                .param("id", entryId).param("s", state.name()).param("at", Timestamp.from(clock.instant()))
                .param("note", note).update();
    }

    /** The commissions booked on an order line, each loaded (and locked) as {@link #load} does, oldest first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<CommissionEntry> commissionsOfLine(long lineId) {
        return jdbc.sql("SELECT id FROM commission_entry WHERE line_id = :line AND kind = :commission ORDER BY id")
                .param("line", lineId).param("commission", EntryKind.COMMISSION.name()).query(Long.class).list()
                .stream().map(id -> load(id).orElseThrow()).toList();
    }

    /** The buyer's commissions held because they had not verified their e-mail address, oldest first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> heldForUnverifiedBuyer(long buyerId) {
        return jdbc.sql("""
                SELECT id FROM commission_entry
                WHERE buyer_id = :buyer AND kind = :commission AND state = :held AND hold_reason = :reason ORDER BY id""")
                .param("buyer", buyerId).param("commission", EntryKind.COMMISSION.name())
                .param("held", LedgerState.ON_HOLD.name()).param("reason", HoldReason.UNVERIFIED_REFEREE.name())
                .query(Long.class).list();
    }
}
