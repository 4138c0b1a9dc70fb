package com.micromall.customer;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A page of the owner's customer list: matching {@code text} against name, e-mail, phone or WeChat ID whatever the
 * case, optionally narrowed to some customers or leaving some out (filters that other modules know the answer to).
 *
 * @param onlyIds when not null, only these customers (an empty set finds nobody)
 * @param exceptIds these customers are left out
 */
public record CustomerSearch(String text, @Nullable Set<Long> onlyIds, Set<Long> exceptIds, int page, int pageSize) {

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
}
