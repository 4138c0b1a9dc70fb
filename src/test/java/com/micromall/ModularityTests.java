package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** The module diagrams kept in the repository, so a change of shape shows up in review. */
    private static final Path SNAPSHOT = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(MicromallApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesOfTheDesignExist() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "settings", "catalog", "customer", "order", "distribution", "notification",
                        "distribution.referral", "distribution.ledger", "distribution.payout", "distribution.reporting",
                        "distribution.policy", "distribution.rewards", "distribution.rules",
                        "distribution.dashboard", "distribution.invitations", "distribution.abuse", "distribution.oversight",
                        "distribution.crediting");
    }

    @Test
    void orderNeverDependsOnDistribution() {
        ApplicationModule order = module("order");
        for (String distribution : List.of("distribution", "distribution.referral", "distribution.ledger",
                "distribution.payout", "distribution.reporting", "distribution.crediting")) {
            assertThat(dependsOn(order, module(distribution))).as("order → " + distribution).isFalse();
        }
    }

    @Test
    void distributionsNestedModulesDependOneWay() {
        List<String> downwards = List.of("distribution.oversight", "distribution.rules", "distribution.dashboard", "distribution.reporting", "distribution.rewards", "distribution.payout",
                "distribution.crediting", "distribution.ledger", "distribution.abuse", "distribution.policy",
                "distribution.invitations",
                "distribution.referral");
        for (int i = 0; i < downwards.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(dependsOn(module(downwards.get(i)), module(downwards.get(j))))
                        .as(downwards.get(i) + " must not depend on " + downwards.get(j)).isFalse();
            }
        }
        assertThat(dependsOn(module("distribution.reporting"), module("distribution.ledger"))).isTrue();
        assertThat(dependsOn(module("distribution.ledger"), module("distribution.referral"))).isTrue();
        assertThat(dependsOn(module("distribution.oversight"), module("distribution.ledger"))).isTrue();
        // The books do not judge fraud: crediting asks abuse and holds what it reports.
        assertThat(dependsOn(module("distribution.crediting"), module("distribution.ledger"))).isTrue();
        assertThat(dependsOn(module("distribution.ledger"), module("distribution.abuse"))).isFalse();
    }

    /**
     * Renders the module diagrams and compares them with the snapshot in {@code docs/modules}; a stale snapshot is
     * rewritten and the test fails once, so the new shape is committed with the change that made it. Lines are
     * compared in sorted order because the Documenter writes relations in no fixed order.
     */
    @Test
    void theModuleDiagramsInTheRepositoryAreCurrent(@TempDir Path rendered) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(rendered.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Map<String, String> fresh = diagrams(rendered);
        Map<String, String> kept = diagrams(SNAPSHOT);
        if (!sorted(fresh).equals(sorted(kept))) {
            Files.createDirectories(SNAPSHOT);
            try (Stream<Path> old = Files.list(SNAPSHOT)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".puml")).toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, String> diagram : fresh.entrySet()) {
                Files.writeString(SNAPSHOT.resolve(diagram.getKey()), diagram.getValue());
            }
        }
        assertThat(sorted(kept)).as("docs/modules was stale and has been rewritten: commit it").isEqualTo(sorted(fresh));
    }

    private static Map<String, String> diagrams(Path folder) throws IOException {
        Map<String, String> diagrams = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                    diagrams.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        return diagrams;
    }

    private static Map<String, List<String>> sorted(Map<String, String> diagrams) {
        Map<String, List<String>> lines = new TreeMap<>();
        diagrams.forEach((name, text) -> lines.put(name, text.lines().sorted().toList()));
        return lines;
    }

    private ApplicationModule module(String name) {
        return modules.getModuleByName(name).orElseThrow(() -> new AssertionError("no module " + name));
    }

    private boolean dependsOn(ApplicationModule from, ApplicationModule to) {
        return from.getDirectDependencies(modules).contains(to)
                || from.getBootstrapDependencies(modules).anyMatch(to::equals);
    }
}
