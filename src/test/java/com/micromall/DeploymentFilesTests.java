package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image and the compose file are what a shop owner runs in production, and there is no Docker engine to try
 * them in the build: these rules read the files, so the image never falls back to the demo shop (known owner
 * password, instant demo payment, public device salt) and compose never exposes the mail catcher or a default
 * database password.
 */
class DeploymentFilesTests {

    @Test
    void theImageRunsTheProductionProfileUnlessToldOtherwise() throws IOException {
        List<String> runStage = lines("Dockerfile").stream()
                .dropWhile(line -> !line.startsWith("FROM eclipse-temurin:17-jre")).toList();

        assertThat(runStage).as("the run stage of the Dockerfile")
                .anySatisfy(line -> assertThat(line.strip()).matches("ENV\\s+SPRING_PROFILES_ACTIVE=postgres"));
    }

    @Test
    void composeBindsTheMailCatchersWebPageToThisMachineOnly() throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));

        assertThat(compose).contains("\"127.0.0.1:8025:8025\"").doesNotContain("- \"8025:8025\"");
    }

    @Test
    void composeTakesTheDatabasePasswordFromTheEnvironmentWithoutADefault() throws IOException {
        List<String> passwordLines = lines("docker-compose.yml").stream()
                .filter(line -> line.contains("POSTGRES_PASSWORD:") || line.contains("MICROMALL_DB_PASSWORD:")).toList();

        assertThat(passwordLines).hasSize(2).allSatisfy(line ->
                assertThat(line).contains("${MICROMALL_DB_PASSWORD:?").doesNotContain(":-"));
    }

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of(file));
    }
}
