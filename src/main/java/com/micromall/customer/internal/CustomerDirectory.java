package com.micromall.customer.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's customer list: search by name, e-mail, phone or WeChat ID, whatever the case. */
@Service
@RequiredArgsConstructor
public class CustomerDirectory {

    public record Row(long id, String name, String email, @Nullable String phone, @Nullable String wechatId,
                      Instant registeredAt) {
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

    private static final String CUSTOMERS = " FROM customer WHERE role = 'CUSTOMER'";
    private static final String MATCHING = """
             AND (LOWER(name) LIKE :pattern ESCAPE '\\' OR LOWER(email) LIKE :pattern ESCAPE '\\'
              OR LOWER(COALESCE(phone, '')) LIKE :pattern ESCAPE '\\'
              OR LOWER(COALESCE(wechat_id, '')) LIKE :pattern ESCAPE '\\')""";

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    public Page search(@Nullable String query, int page, int pageSize) {
        String pattern = query == null || query.isBlank() ? null : "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
        int safePage = Math.max(page, 0);
        String where = CUSTOMERS + (pattern == null ? "" : MATCHING);
        Map<String, Object> params = new HashMap<>();
        if (pattern != null) {
            params.put("pattern", pattern);
        }
        long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("SELECT id, name, email, phone, wechat_id, created_at" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", (long) safePage * pageSize)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("wechat_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return new Page(rows, safePage, pageSize, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
