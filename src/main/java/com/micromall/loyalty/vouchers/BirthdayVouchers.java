package com.micromall.loyalty.vouchers;

import com.micromall.loyalty.BirthdayVoucherGiven;
import com.micromall.loyalty.levels.MemberLevels;
import com.micromall.settings.AuditLog;
import com.micromall.settings.ShopTime;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Birthday vouchers: the owner marks a template as the birthday gift of every customer or of one member level, a
 * customer gives the month and day of their birthday, and on that day (in the shop's time zone) they get the voucher
 * once a year and a mail about it. Someone born on 29 February gets theirs on 28 February in other years.
 */
@Service
@RequiredArgsConstructor
public class BirthdayVouchers {

    static final String FOR_BIRTHDAY = "birthday:";

    /** Who a template is the birthday gift of: every customer ({@code levelId} null) or one level's members. */
    public record BirthdayGift(long templateId, @Nullable Long levelId) {
    }

    private final JdbcClient jdbc;
    private final VoucherIssuing issuing;
    private final VoucherBook book;
    private final MemberLevels levels;
    private final ShopTime shopTime;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate eachVoucher;

    @Transactional(readOnly = true)
    public Optional<MonthDay> birthdayOf(long customerId) {
        return jdbc.sql("SELECT birth_month, birth_day FROM loyalty_birthday WHERE customer_id = :c")
                .param("c", customerId).query((rs, i) -> MonthDay.of(rs.getInt("birth_month"), rs.getInt("birth_day")))
                .optional();
    }

    /** Keeps the customer's birthday; saying the same again (a double click, a second tab) changes nothing more. */
    @Transactional
    public void tell(long customerId, MonthDay birthday) {
        if (update(customerId, birthday) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO loyalty_birthday (customer_id, birth_month, birth_day, changed_at)
                        VALUES (:c, :m, :d, :at)""")
                        .param("c", customerId).param("m", birthday.getMonthValue()).param("d", birthday.getDayOfMonth())
                        .param("at", Timestamp.from(shopTime.now())).update();
            } catch (DuplicateKeyException e) {
                update(customerId, birthday); // another tab saved first: the last one wins
            }
        }
    }

    private int update(long customerId, MonthDay birthday) {
        return jdbc.sql("UPDATE loyalty_birthday SET birth_month = :m, birth_day = :d, changed_at = :at WHERE customer_id = :c")
                .param("c", customerId).param("m", birthday.getMonthValue()).param("d", birthday.getDayOfMonth())
                .param("at", Timestamp.from(shopTime.now())).update();
    }

    @Transactional(readOnly = true)
    public Optional<BirthdayGift> giftOf(long templateId) {
        return jdbc.sql("SELECT template_id, level_id FROM loyalty_voucher_birthday WHERE template_id = :t")
                .param("t", templateId).query((rs, i) -> gift(rs.getLong("template_id"), rs.getObject("level_id", Long.class)))
                .optional();
    }

    /** Whether the shop gives any switched-on template on birthdays, so asking customers for theirs makes sense. */
    @Transactional(readOnly = true)
    public boolean anyGift() {
        return !gifts().isEmpty();
    }

    /**
     * Makes the template the birthday gift of every customer ({@code forAll}), of one level's members
     * ({@code levelId}), or of nobody (neither). Audited; setting what is already set does nothing.
     */
    @Transactional
    public void setGift(long templateId, boolean forAll, @Nullable Long levelId, String actor) {
        book.lockTemplate(templateId).orElseThrow(() -> new IllegalArgumentException("no voucher template " + templateId));
        Optional<BirthdayGift> before = giftOf(templateId);
        Optional<BirthdayGift> after = forAll || levelId != null
                ? Optional.of(gift(templateId, forAll ? null : levelId)) : Optional.empty();
        if (before.equals(after)) {
            return;
        }
        jdbc.sql("DELETE FROM loyalty_voucher_birthday WHERE template_id = :t").param("t", templateId).update();
        after.ifPresent(gift -> jdbc.sql("INSERT INTO loyalty_voucher_birthday (template_id, level_id) VALUES (:t, :l)")
                .param("t", templateId).param("l", gift.levelId()).update());
        auditLog.record(actor, "loyalty.voucher.template.birthday", "voucher template " + templateId,
                before.map(BirthdayVouchers::describe).orElse("none"), after.map(BirthdayVouchers::describe).orElse("none"));
    }

    /**
     * Several times a day, so that the day is caught in the shop's time zone whatever the server's, and after a
     * restart; each customer's voucher is keyed by the year, so the runs after the first give nothing.
     */
    @Scheduled(cron = "${micromall.loyalty.birthday-cron:0 10 * * * *}")
    @SchedulerLock(name = "loyalty.birthdayVouchers", lockAtMostFor = "PT2M")
    public void giveToday() {
        giveOn(shopTime.today());
    }

    /**
     * Gives each birthday gift to the customers whose birthday is {@code day}, one transaction per voucher with its
     * mail's event; returns how many vouchers went out.
     */
    public int giveOn(LocalDate day) {
        List<BirthdayGift> gifts = gifts();
        if (gifts.isEmpty()) {
            return 0;
        }
        Set<Long> born = bornOn(day);
        int given = 0;
        for (BirthdayGift gift : gifts) {
            Set<Long> receivers = new HashSet<>(born);
            if (gift.levelId() != null) {
                receivers.retainAll(levels.membersOf(gift.levelId()));
            }
            for (long customer : receivers) {
                Boolean issued = eachVoucher.execute(status -> give(gift.templateId(), customer, day.getYear()));
                if (Boolean.TRUE.equals(issued)) {
                    given++;
                }
            }
        }
        return given;
    }

    private boolean give(long templateId, long customer, int year) {
        if (issuing.issue(templateId, List.of(customer), FOR_BIRTHDAY + year).issued() == 0) {
            return false;
        }
        book.vouchersOf(customer).stream()
                .filter(v -> v.template().id() == templateId)
                .max(Comparator.comparing(CustomerVoucher::issuedAt))
                .ifPresent(v -> events.publishEvent(new BirthdayVoucherGiven(customer, templateId, v.template().name(),
                        year, v.validUntil())));
        return true;
    }

    /** The customers born on that day; on 28 February of a year without a 29th, those born on the 29th too. */
    private Set<Long> bornOn(LocalDate day) {
        Set<Long> born = new HashSet<>(customersBornOn(MonthDay.from(day)));
        if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
            born.addAll(customersBornOn(MonthDay.of(2, 29)));
        }
        return born;
    }

    private List<Long> customersBornOn(MonthDay day) {
        return jdbc.sql("SELECT customer_id FROM loyalty_birthday WHERE birth_month = :m AND birth_day = :d")
                .param("m", day.getMonthValue()).param("d", day.getDayOfMonth()).query(Long.class).list();
    }

    /** The birthday gifts of templates that are switched on. */
    private List<BirthdayGift> gifts() {
        return jdbc.sql("""
                        SELECT b.template_id, b.level_id FROM loyalty_voucher_birthday b
                        JOIN loyalty_voucher_template t ON t.id = b.template_id WHERE t.active ORDER BY b.template_id""")
                .query((rs, i) -> gift(rs.getLong("template_id"), rs.getObject("level_id", Long.class))).list();
    }

    private static BirthdayGift gift(long templateId, @Nullable Long levelId) {
        return new BirthdayGift(templateId, levelId);
    }

    private static String describe(BirthdayGift gift) {
        return gift.levelId() == null ? "every customer" : "level " + gift.levelId();
    }
}
