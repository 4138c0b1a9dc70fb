package com.micromall.care.staff;

import com.micromall.care.StaffInvitationMailRequested;
import com.micromall.customer.StaffAccounts;
import com.micromall.shared.NotFoundException;
import com.micromall.shared.PersonalCodes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Who works in the shop: the owner invites by e-mail and can deactivate; each member gets a staff code. */
@Service
@RequiredArgsConstructor
public class StaffRoster {

    public enum InvitationOutcome { INVITED, ALREADY_ON_STAFF }

    /** A staff member as the owner's page lists them. */
    public record Member(long id, long customerId, String name, String email, String code, Instant invitedAt,
                         @Nullable Instant deactivatedAt) {

        public boolean active() {
            return deactivatedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * Invites once per address: the same form sent again (double click, back button) finds the member and mails
     * nothing. The mail is asked for after commit, so its link already works when it arrives.
     */
    public InvitationOutcome invite(String email, String name, Locale locale) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        StaffAccounts.Invitation invitation;
        try {
            invitation = transactions.execute(status -> {
                if (isOnStaff(normalized)) {
                    return null;
                }
                return enlist(normalized, name, locale);
            });
        } catch (DataIntegrityViolationException e) {
            // The same invitation sent at the same moment: the other request made it.
            if (isOnStaff(normalized)) {
                return InvitationOutcome.ALREADY_ON_STAFF;
            }
            throw e;
        }
        if (invitation == null) {
            return InvitationOutcome.ALREADY_ON_STAFF;
        }
        events.publishEvent(new StaffInvitationMailRequested(invitation.customerId(), invitation.token()));
        return InvitationOutcome.INVITED;
    }

    /** Puts the address on the staff list with a fresh code; inside the caller's transaction. */
    StaffAccounts.Invitation enlist(String normalizedEmail, String name, Locale locale) {
        StaffAccounts.Invitation issued = accounts.invite(normalizedEmail, name.strip(), locale);
        jdbc.sql("""
                INSERT INTO care_staff (customer_id, email, name, code, invited_at)
                VALUES (:customer, :email, :name, :code, :at)""")
                .param("customer", issued.customerId()).param("email", normalizedEmail).param("name", name.strip())
                .param("code", PersonalCodes.next()).param("at", Timestamp.from(clock.instant()))
                .update();
        return issued;
    }

    /** The member's code stops working for new customers and orders; what it brought in stays theirs. */
    @Transactional
    public void deactivate(long staffId) {
        Member member = member(staffId);
        if (!member.active()) {
            return;
        }
        jdbc.sql("UPDATE care_staff SET deactivated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", staffId).update();
        accounts.leaveStaff(member.customerId());
    }

    @Transactional(readOnly = true)
    public List<Member> members() {
        return jdbc.sql("""
                SELECT id, customer_id, name, email, code, invited_at, deactivated_at FROM care_staff
                ORDER BY deactivated_at NULLS FIRST, name, id""")
                .query((rs, row) -> member(rs)).list();
    }

    @Transactional(readOnly = true)
    public Member member(long staffId) {
        return jdbc.sql("SELECT id, customer_id, name, email, code, invited_at, deactivated_at FROM care_staff WHERE id = :id")
                .param("id", staffId).query((rs, row) -> member(rs)).optional()
                .orElseThrow(() -> new NotFoundException("No staff member " + staffId));
    }

    @Transactional(readOnly = true)
    public Optional<Member> memberOfAccount(long customerId) {
        return jdbc.sql("SELECT id, customer_id, name, email, code, invited_at, deactivated_at FROM care_staff WHERE customer_id = :c")
                .param("c", customerId).query((rs, row) -> member(rs)).optional();
    }

    private boolean isOnStaff(String normalizedEmail) {
        return jdbc.sql("SELECT COUNT(*) FROM care_staff WHERE email = :email").param("email", normalizedEmail)
                .query(Long.class).single() > 0;
    }

    private static Member member(ResultSet rs) throws SQLException {
        Timestamp deactivated = rs.getTimestamp("deactivated_at");
        return new Member(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("code"), rs.getTimestamp("invited_at").toInstant(),
                deactivated == null ? null : deactivated.toInstant());
    }
}
