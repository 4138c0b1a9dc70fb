package com.micromall.loyalty.points;

import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.loyalty.vouchers.VoucherTemplate;
import com.micromall.settings.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vouchers for points: the owner marks a voucher template as worth N points; a customer trades points for one, issued
 * through the vouchers module. The points are taken under the customer's balance row lock and the voucher issued in
 * the same transaction, so a form sent twice issues one voucher and two tabs at once never take the balance below
 * zero; a voucher the template can no longer give (switched off, ended, the customer at its limit) takes no points.
 */
@Service
@RequiredArgsConstructor
public class PointsRewards {

    /** A voucher template a customer may take for points. */
    public record Reward(VoucherTemplate template, long points) {
    }

    /** What a redemption did. */
    public enum Outcome { REDEEMED, ALREADY, TOO_FEW, NOT_OFFERED, NOT_ISSUED }

    /** Refuses the redemption after the points were taken, so they are put back (the transaction rolls back). */
    private static class NotIssued extends RuntimeException {
        NotIssued() {
            super("voucher not issued");
        }
    }

    private final PointsBook book;
    private final PointsSettingsService settings;
    private final VoucherIssuing vouchers;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;

    /** The templates on offer for points, the cheapest first; only switched-on ones. */
    @Transactional(readOnly = true)
    public List<Reward> offered() {
        Map<Long, Long> prices = prices();
        if (prices.isEmpty()) {
            return List.of();
        }
        return vouchers.templates().stream().map(VoucherIssuing.TemplateWithFigures::template)
                .filter(t -> prices.containsKey(t.id()) && t.active())
                .map(t -> new Reward(t, prices.get(t.id())))
                .sorted(java.util.Comparator.comparingLong(Reward::points)).toList();
    }

    /** Every template with its price in points, or null when not offered (for the owner's page). */
    @Transactional(readOnly = true)
    public Map<Long, Long> prices() {
        return jdbc.sql("SELECT template_id, points FROM loyalty_points_voucher")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Offers the template for {@code points} (0: no longer offered); audited; the same price twice changes nothing. */
    @Transactional
    public void price(long templateId, long points, String actor) {
        Optional<Long> before = jdbc.sql("SELECT points FROM loyalty_points_voucher WHERE template_id = :t FOR UPDATE")
                .param("t", templateId).query(Long.class).optional();
        if (before.orElse(0L) == points) {
            return;
        }
        jdbc.sql("DELETE FROM loyalty_points_voucher WHERE template_id = :t").param("t", templateId).update();
        if (points > 0) {
            jdbc.sql("INSERT INTO loyalty_points_voucher (template_id, points) VALUES (:t, :p)")
                    .param("t", templateId).param("p", points).update();
        }
        auditLog.record(actor, "loyalty.points.voucherPrice", "voucher template " + templateId,
                before.map(String::valueOf).orElse(null), points > 0 ? Long.toString(points) : null);
    }

    /**
     * Trades the customer's points for one voucher of the template; {@code token} is the form's one-time token. When
     * the vouchers module issues nothing, the points taken are put back (the transaction rolls back): NOT_ISSUED.
     */
    public Outcome redeem(long customerId, long templateId, String token) {
        try {
            return java.util.Objects.requireNonNull(transactions.execute(status -> redeemNow(customerId, templateId, token)));
        } catch (NotIssued e) {
            return Outcome.NOT_ISSUED;
        }
    }

    private Outcome redeemNow(long customerId, long templateId, String token) {
        if (!settings.current().enabled()) {
            return Outcome.NOT_OFFERED;
        }
        Optional<Reward> reward = offered().stream().filter(r -> r.template().id() == templateId).findFirst();
        if (reward.isEmpty()) {
            return Outcome.NOT_OFFERED;
        }
        PointsBook.Redemption redemption = book.redeem(customerId, token, reward.get().points());
        switch (redemption.outcome()) {
            case ALREADY -> {
                return Outcome.ALREADY;
            }
            case TOO_FEW -> {
                return Outcome.TOO_FEW;
            }
            default -> {
                VoucherIssuing.IssueResult issued = vouchers.issue(templateId, List.of(customerId),
                        "points:" + redemption.entryId());
                if (issued.issued() != 1) {
                    throw new NotIssued();
                }
                return Outcome.REDEEMED;
            }
        }
    }
}
