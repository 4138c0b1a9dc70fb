package com.micromall.distribution.reporting;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.CustomerProfileChanged;
import com.micromall.distribution.DistributorEnrolled;
import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.referral.DistributorStatus;
import com.micromall.distribution.referral.DistributorStatusChanged;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's roll of distributors: contact data, code and status, referred customers, orders and GMV from reporting's
 * row per distributor (the contact data kept from customer's and referral's events, the figures as {@link
 * ReferredFigures} defines them), money from the ledger's accounts, asked for the page's distributors only. A page
 * costs three queries (count, rows, accounts); sorted by commission, the ledger ranks the page down its index first.
 * "Available" follows the dashboard: AVAILABLE entries less withdrawals requested or paid and store credit spent;
 * "paid out" = PAID withdrawals.
 */
@Service
@RequiredArgsConstructor
public class DistributorRoll {

    /** The whitelisted sort orders; anything else falls back to {@link #NAME}. COMMISSION is the ledger's order. */
    public enum Sort {
        NAME("LOWER(name), customer_id"), REFERRED("referred DESC, customer_id"), GMV("gmv DESC, customer_id"),
        COMMISSION("customer_id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public static Sort parse(@Nullable String value) {
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(value)) {
                    return sort;
                }
            }
            return NAME;
        }
    }

    public record Row(long customerId, String name, String email, @Nullable String phone, @Nullable String wechatId,
                      String code, DistributorStatus status, long referred, long orders, Money gmv, Money frozen,
                      Money available, Money onHold, Money paidOut) {
    }

    public record Page(List<Row> rows, int page, int pageSize, long total) {

        public int totalPages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages();
        }
    }

    /** Reporting's half of a row; the money is the ledger's. */
    private record Contact(long customerId, String name, String email, @Nullable String phone, @Nullable String wechatId,
                           String code, DistributorStatus status, long referred, long orders, BigDecimal gmv) {
    }

    /** Referrers who are not (or no longer) distributors have a row for their figures but no code: not on the roll. */
    private static final String ON_ROLL = " FROM report_distributor WHERE code IS NOT NULL";
    private static final String MATCHING = """
             AND (LOWER(name) LIKE :pattern ESCAPE '\\' OR LOWER(email) LIKE :pattern ESCAPE '\\'
              OR LOWER(code) LIKE :pattern ESCAPE '\\')
            """;
    private static final String CONTACTS =
            "SELECT customer_id, name, email, phone, wechat_id, code, status, referred, orders, gmv" + ON_ROLL;
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final ShopSettingsService shopSettings;
    private final DistributionApi ledger;
    private final CustomerApi customers;

    @Transactional(readOnly = true)
    public Page search(@Nullable String query, Sort sort, int page, int pageSize) {
        int safePage = Math.max(page, 0);
        long offset = (long) safePage * pageSize;
        Map<String, Object> params = params(query);
        String where = params.isEmpty() ? "" : MATCHING;
        long total = jdbc.sql("SELECT COUNT(*)" + ON_ROLL + where).params(params).query(Long.class).single();
        List<Contact> contacts;
        if (sort == Sort.COMMISSION) {
            List<Long> ranked = params.isEmpty() ? ledger.byEarned(pageSize, offset)
                    : page(byEarned(matchingIds(params)), offset, pageSize);
            contacts = contactsOf(ranked);
        } else {
            contacts = jdbc.sql(CONTACTS + where + " ORDER BY " + sort.orderBy + " LIMIT :limit OFFSET :offset")
                    .params(params).param("limit", pageSize).param("offset", offset)
                    .query((rs, i) -> contact(rs)).list();
        }
        return new Page(withMoney(contacts), safePage, pageSize, total);
    }

    /** Every matching distributor in the given order, a thousand at a time (for the CSV export). */
    @Transactional(readOnly = true)
    public void forEach(@Nullable String query, Sort sort, Consumer<Row> consumer) {
        Map<String, Object> params = params(query);
        List<Contact> all = sort == Sort.COMMISSION
                ? contactsOf(params.isEmpty() ? ledger.byEarned(Integer.MAX_VALUE, 0) : byEarned(matchingIds(params)))
                : jdbc.sql(CONTACTS + (params.isEmpty() ? "" : MATCHING) + " ORDER BY " + sort.orderBy)
                        .params(params).query((rs, i) -> contact(rs)).list();
        for (int from = 0; from < all.size(); from += CHUNK) {
            withMoney(all.subList(from, Math.min(all.size(), from + CHUNK))).forEach(consumer);
        }
    }

    /** A new distributor is on the roll at once, with the contact data customer has for them. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DistributorEnrolled enrolled) {
        Optional<CustomerProfile> profile = customers.find(enrolled.customerId());
        jdbc.sql("INSERT INTO report_distributor (customer_id) VALUES (:d) ON CONFLICT DO NOTHING")
                .param("d", enrolled.customerId()).update();
        jdbc.sql("""
                UPDATE report_distributor SET code = :code, name = :name, email = :email, phone = :phone, wechat_id = :wechat
                WHERE customer_id = :d""")
                .param("code", enrolled.code()).param("d", enrolled.customerId())
                .param("name", profile.map(CustomerProfile::name).orElse(null), Types.VARCHAR)
                .param("email", profile.map(CustomerProfile::email).orElse(null), Types.VARCHAR)
                .param("phone", profile.map(CustomerProfile::phone).orElse(null), Types.VARCHAR)
                .param("wechat", profile.map(CustomerProfile::wechatId).orElse(null), Types.VARCHAR)
                .update();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DistributorStatusChanged changed) {
        jdbc.sql("UPDATE report_distributor SET status = :s WHERE customer_id = :d")
                .param("s", changed.status().name()).param("d", changed.customerId()).update();
    }

    /** Heard after the customer's change committed: the roll shows the new name a moment later. */
    @ApplicationModuleListener
    void on(CustomerProfileChanged changed) {
        jdbc.sql("UPDATE report_distributor SET name = :name, phone = :phone, wechat_id = :wechat WHERE customer_id = :d")
                .param("name", changed.name()).param("phone", changed.phone(), Types.VARCHAR)
                .param("wechat", changed.wechatId(), Types.VARCHAR).param("d", changed.customerId()).update();
    }

    private List<Long> matchingIds(Map<String, Object> params) {
        return jdbc.sql("SELECT customer_id" + ON_ROLL + MATCHING).params(params).query(Long.class).list();
    }

    /** The ids by commission earned, most first, ties by id: the ledger's order, for a search's matches. */
    private List<Long> byEarned(List<Long> ids) {
        Map<Long, DistributionApi.Account> accounts = ledger.accountsOf(ids);
        return ids.stream().sorted(Comparator.comparing((Long id) -> earned(accounts.get(id))).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    private static BigDecimal earned(DistributionApi.@Nullable Account account) {
        return account == null ? BigDecimal.ZERO : account.earned();
    }

    private static List<Long> page(List<Long> ids, long offset, int pageSize) {
        int from = (int) Math.min(ids.size(), offset);
        return ids.subList(from, Math.min(ids.size(), from + pageSize));
    }

    /** The roll rows of these distributors, in the order of the ids. */
    private List<Contact> contactsOf(List<Long> ids) {
        Map<Long, Contact> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql(CONTACTS + " AND customer_id IN (:ids)").param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, i) -> contact(rs)).list().forEach(contact -> byId.put(contact.customerId(), contact));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<Row> withMoney(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        Currency currency = shopSettings.current().currency();
        Map<Long, DistributionApi.Account> accounts = ledger.accountsOf(contacts.stream().map(Contact::customerId).toList());
        return contacts.stream().map(c -> {
            DistributionApi.Account a = accounts.get(c.customerId());
            return new Row(c.customerId(), c.name(), c.email(), c.phone(), c.wechatId(), c.code(), c.status(),
                    c.referred(), c.orders(), money(c.gmv(), currency), money(a == null ? null : a.frozen(), currency),
                    money(a == null ? null : a.available(), currency), money(a == null ? null : a.onHold(), currency),
                    money(a == null ? null : a.paidOut(), currency));
        }).toList();
    }

    private static Map<String, Object> params(@Nullable String query) {
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            params.put("pattern", "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return params;
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new Contact(rs.getLong("customer_id"), Objects.requireNonNullElse(rs.getString("name"), ""),
                Objects.requireNonNullElse(rs.getString("email"), ""), rs.getString("phone"), rs.getString("wechat_id"),
                rs.getString("code"), status == null ? DistributorStatus.ACTIVE : DistributorStatus.valueOf(status),
                rs.getLong("referred"), rs.getLong("orders"), rs.getBigDecimal("gmv"));
    }

    /** A distributor whose money never moved has no account row yet: zero. */
    private static Money money(@Nullable BigDecimal amount, Currency currency) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount, currency, java.math.RoundingMode.HALF_UP);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
