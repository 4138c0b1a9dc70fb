package com.micromall.care.files;

import com.micromall.care.CustomerTags;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tags and notes the owner and staff keep on a customer. Notes are append-only: nobody edits or deletes what
 * a colleague wrote. Tags are a set per customer, so adding one twice or removing it twice changes nothing.
 */
@Service
@RequiredArgsConstructor
public class CustomerNotes implements CustomerTags {

    public static final int TAG_MAX = 40;
    public static final int NOTE_MAX = 2000;

    public record Note(long id, String body, Instant writtenAt, String writtenBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * A tag as it is kept: trimmed, inner spaces collapsed, lower case, letters in their composed form; empty when
     * nothing is left or it is longer than {@link #TAG_MAX}.
     */
    public static Optional<String> normalisedTag(String typed) {
        String tag = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return tag.isEmpty() || tag.length() > TAG_MAX ? Optional.empty() : Optional.of(tag);
    }

    /** One statement on its own, so a duplicate key from a racing tab does not spoil a surrounding transaction. */
    public void addTag(long customerId, String tag, String by) {
        try {
            jdbc.sql("""
                            INSERT INTO care_customer_tag (customer_id, tag, added_at, added_by)
                            SELECT :c, :t, :at, :by WHERE NOT EXISTS
                              (SELECT 1 FROM care_customer_tag WHERE customer_id = :c AND tag = :t)""")
                    .param("c", customerId).param("t", tag).param("at", Timestamp.from(clock.instant()))
                    .param("by", by).update();
        } catch (DuplicateKeyException sameTagAtTheSameMoment) {
            // another tab added it first: the set already holds it
        }
    }

    @Transactional
    public void removeTag(long customerId, String tag) {
        jdbc.sql("DELETE FROM care_customer_tag WHERE customer_id = :c AND tag = :t")
                .param("c", customerId).param("t", tag).update();
    }

    @Transactional(readOnly = true)
    public List<String> tagsOf(long customerId) {
        return jdbc.sql("SELECT tag FROM care_customer_tag WHERE customer_id = :c ORDER BY tag")
                .param("c", customerId).query(String.class).list();
    }

    /** Every tag in use, for the list's filter. */
    @Override
    @Transactional(readOnly = true)
    public List<String> allTags() {
        return jdbc.sql("SELECT DISTINCT tag FROM care_customer_tag ORDER BY tag").query(String.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> customersTagged(String tag) {
        return new HashSet<>(jdbc.sql("SELECT customer_id FROM care_customer_tag WHERE tag = :t")
                .param("t", tag).query(Long.class).list());
    }

    /**
     * Adds a note once per form: the same form sent again (a double click, a reload) finds its token taken and
     * adds nothing. Returns whether this call wrote it.
     */
    public boolean addNote(long customerId, String body, String formToken, String by) {
        try {
            return jdbc.sql("""
                            INSERT INTO care_note (customer_id, body, written_at, written_by, form_token)
                            SELECT :c, :b, :at, :by, :token WHERE NOT EXISTS
                              (SELECT 1 FROM care_note WHERE form_token = :token)""")
                    .param("c", customerId).param("b", body).param("at", Timestamp.from(clock.instant()))
                    .param("by", by).param("token", formToken).update() == 1;
        } catch (DuplicateKeyException sameFormAtTheSameMoment) {
            return false;
        }
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<Note> notesOf(long customerId) {
        return jdbc.sql("SELECT id, body, written_at, written_by FROM care_note WHERE customer_id = :c "
                        + "ORDER BY written_at DESC, id DESC")
                .param("c", customerId)
                .query((rs, i) -> new Note(rs.getLong("id"), rs.getString("body"),
                        rs.getTimestamp("written_at").toInstant(), rs.getString("written_by")))
                .list();
    }
}
