package com.micromall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.MicromallTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MicromallTest
class EventPublicationJobsTests {

    @Autowired JdbcClient jdbc;
    @Autowired EventPublicationJobs jobs;

    @Test
    void completedPublicationsOlderThanAWeekAreDeletedRecentAndIncompleteOnesStay() {
        Instant now = Instant.now();
        UUID oldCompleted = publication(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(8)), "COMPLETED");
        UUID recentCompleted = publication(now.minus(Duration.ofDays(10)), now.minus(Duration.ofHours(1)), "COMPLETED");
        UUID oldFailed = publication(now.minus(Duration.ofDays(30)), null, "FAILED");

        jobs.deleteCompletedPublications();

        assertThat(exists(oldCompleted)).isFalse();
        assertThat(exists(recentCompleted)).isTrue();
        assertThat(exists(oldFailed)).isTrue();
    }

    private UUID publication(Instant published, @Nullable Instant completed, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts)
                VALUES (:id, 'cleanup.test.Listener', 'cleanup.test.Event', :body, :published, :completed, :status, 1)""")
                .param("id", id).param("body", "{\"n\":\"" + id + "\"}").param("published", Timestamp.from(published))
                .param("completed", completed == null ? null : Timestamp.from(completed), java.sql.Types.TIMESTAMP)
                .param("status", status).update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = :id").param("id", id)
                .query(Long.class).single() == 1;
    }
}
