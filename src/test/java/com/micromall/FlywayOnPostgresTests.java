package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.MicromallTest;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MicromallTest
class FlywayOnPostgresTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    @Test
    void testsRunOnARealPostgresql() {
        String version = jdbc.sql("SELECT version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL");
    }

    @Test
    void everyMigrationIsAppliedIncludingThePostgresqlVendorFolder() {
        MigrationInfo[] all = flyway.info().all();
        assertThat(all).isNotEmpty();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
        assertThat(Arrays.stream(all).map(MigrationInfo::getScript))
                .anyMatch(script -> script.contains("modulith_event_publication"));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void theOutboxAndSessionTablesExist() {
        for (String table : new String[] {"event_publication", "spring_session", "spring_session_attributes",
                "shop_settings", "audit_log", "customer"}) {
            Integer found = jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")
                    .param(table).query(Integer.class).single();
            assertThat(found).as(table).isEqualTo(1);
        }
        // Modulith 2 needs the v2 shape of the outbox
        Integer v2Columns = jdbc.sql("""
                SELECT count(*) FROM information_schema.columns WHERE table_name = 'event_publication'
                AND column_name IN ('status', 'completion_attempts', 'last_resubmission_date')""")
                .query(Integer.class).single();
        assertThat(v2Columns).isEqualTo(3);
    }

    @Test
    void theShopSettingsRowIsThereAndThereIsOnlyOne() {
        assertThat(jdbc.sql("SELECT count(*) FROM shop_settings").query(Integer.class).single()).isEqualTo(1);
    }
}
