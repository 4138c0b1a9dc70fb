package com.micromall.care.staff;

import com.micromall.care.satisfaction.NetPromoterScore;
import com.micromall.care.satisfaction.SatisfactionAnswers;
import com.micromall.care.visits.ReturnVisits;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.Role;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each staff member brought in: customers attributed to them, orders carrying their code (cancelled ones not
 * counted) and those orders' revenue less refunds, exact to the cent; the return visits they recorded as done and the
 * score of the answers to their orders.
 */
@Service
@RequiredArgsConstructor
public class StaffFigures {

    /**
     * A staff member's line on the owner's page.
     *
     * @param joined whether they accepted the invitation (set a password and signed in as staff)
     */
    public record Line(StaffRoster.Member member, boolean joined, long customers, long orders, Money revenue,
                       long visitsDone, NetPromoterScore satisfaction) {
    }

    private record Counts(long staffId, long customers, long orders, BigDecimal gross, BigDecimal refunded) {
    }

    private final StaffRoster roster;
    private final JdbcClient jdbc;
    private final CustomerApi customerApi;
    private final ShopSettingsService settings;
    private final ReturnVisits visits;
    private final SatisfactionAnswers answers;

    @Transactional(readOnly = true)
    public List<Line> lines() {
        List<StaffRoster.Member> members = roster.members();
        Map<Long, Counts> counts = jdbc.sql("""
                SELECT s.id,
                       (SELECT COUNT(*) FROM care_staff_customer c WHERE c.staff_id = s.id) AS customers,
                       (SELECT COUNT(*) FROM care_staff_order o WHERE o.staff_id = s.id AND NOT o.cancelled) AS orders,
                       (SELECT COALESCE(SUM(o.total), 0) FROM care_staff_order o
                         WHERE o.staff_id = s.id AND NOT o.cancelled) AS gross,
                       (SELECT COALESCE(SUM(r.amount), 0) FROM care_staff_refund r
                          JOIN care_staff_order o ON o.order_id = r.order_id
                         WHERE o.staff_id = s.id AND NOT o.cancelled) AS refunded
                FROM care_staff s""")
                .query((rs, row) -> new Counts(rs.getLong("id"), rs.getLong("customers"), rs.getLong("orders"),
                        rs.getBigDecimal("gross"), rs.getBigDecimal("refunded")))
                .list().stream().collect(Collectors.toMap(Counts::staffId, Function.identity()));
        Map<Long, CustomerProfile> accounts = customerApi.findAll(members.stream().map(StaffRoster.Member::customerId)
                .toList()).stream().collect(Collectors.toMap(CustomerProfile::id, Function.identity()));
        var currency = settings.current().currency();
        Map<String, Long> visitsDone = visits.doneCountsByAccount();
        Map<Long, NetPromoterScore> scores = answers.perStaffMember().stream().collect(
                Collectors.toMap(SatisfactionAnswers.StaffScore::staffId, SatisfactionAnswers.StaffScore::score));
        return members.stream().map(member -> {
            Counts c = counts.get(member.id());
            CustomerProfile account = accounts.get(member.customerId());
            boolean joined = account != null && account.role() == Role.STAFF
                    && customerApi.isEmailVerified(member.customerId());
            Money revenue = c == null ? Money.zero(currency) : Money.of(c.gross().subtract(c.refunded()), currency);
            return new Line(member, joined, c == null ? 0 : c.customers(), c == null ? 0 : c.orders(), revenue,
                    visitsDone.getOrDefault(member.email().toLowerCase(Locale.ROOT), 0L),
                    scores.getOrDefault(member.id(), NetPromoterScore.NONE));
        }).toList();
    }
}
