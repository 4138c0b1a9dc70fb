package com.micromall.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring test context at the real test PostgreSQL (see {@link TestPostgres}),
 * unless the test asks for the embedded default with {@code micromall.test.embedded=true}.
 * Registered in {@code META-INF/spring.factories}, so no test can forget it.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.getProperty("micromall.test.embedded", Boolean.class, false)) {
            return;
        }
        String separate = environment.getProperty("micromall.test.separate-database");
        TestPostgres.Database db = separate == null ? TestPostgres.database() : TestPostgres.separate(separate);
        environment.getPropertySources().addFirst(new MapPropertySource("micromallTestDatabase", Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password())));
        // Tests build their own data and call scheduled jobs directly: the demo shop and the schedule are off unless a test's own properties switch it on,
        // so this default sits just above application.properties and below test properties.
        MapPropertySource defaults = new MapPropertySource("micromallTestDefaults", Map.of(
                "micromall.demo.enabled", "false",
                "micromall.scheduling.enabled", "false",
                // Tests change data behind the app's back (fixtures, SQL); a cached category list or shop settings would
                // show the previous test's shop, a kept honour roll the previous test's board.
                "spring.cache.type", "none",
                "micromall.honour-roll.ttl", "PT0S"));
        environment.getPropertySources().stream()
                .filter(source -> source.getName().startsWith("Config resource"))
                .findFirst()
                .ifPresentOrElse(config -> environment.getPropertySources().addBefore(config.getName(), defaults),
                        () -> environment.getPropertySources().addLast(defaults));
    }
}
