package com.micromall.customer.internal;

import com.micromall.customer.CustomerSearch;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's customer list: search by name, e-mail, phone or WeChat ID, whatever the case. */
@Service
@RequiredArgsConstructor
class CustomerDirectory {

    private static final String CUSTOMERS = " FROM customer WHERE role = 'CUSTOMER'";
    private static final String MATCHING = """
             AND (LOWER(name) LIKE :pattern ESCAPE '\\' OR LOWER(email) LIKE :pattern ESCAPE '\\'
              OR LOWER(COALESCE(phone, '')) LIKE :pattern ESCAPE '\\'
              OR LOWER(COALESCE(wechat_id, '')) LIKE :pattern ESCAPE '\\')""";

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    CustomerSearch.Page search(CustomerSearch search) {
        String query = search.text();
        int pageSize = search.pageSize();
        String pattern = query.isBlank() ? null : "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
        int safePage = Math.max(search.page(), 0);
        if (search.onlyIds() != null && search.onlyIds().isEmpty()) {
            return new CustomerSearch.Page(List.of(), safePage, pageSize, 0);
        }
        StringBuilder where = new StringBuilder(CUSTOMERS);
        Map<String, Object> params = new HashMap<>();
        if (pattern != null) {
            where.append(MATCHING);
            params.put("pattern", pattern);
        }
        if (search.onlyIds() != null) {
            where.append(" AND id IN (:only)");
            params.put("only", List.copyOf(search.onlyIds()));
        }
        if (!search.exceptIds().isEmpty()) {
            where.append(" AND id NOT IN (:except)");
            params.put("except", List.copyOf(search.exceptIds()));
        }
        long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        List<CustomerSearch.Row> rows = jdbc.sql("SELECT id, name, email, phone, wechat_id, created_at" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", (long) safePage * pageSize)
                .query((rs, i) -> new CustomerSearch.Row(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("wechat_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return new CustomerSearch.Page(rows, safePage, pageSize, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
