package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MicromallApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesOfTheDesignExist() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "settings", "catalog", "customer", "order", "distribution", "notification");
    }

    @Test
    void orderNeverDependsOnDistribution() {
        ApplicationModule order = modules.getModuleByName("order").orElseThrow();
        ApplicationModule distribution = modules.getModuleByName("distribution").orElseThrow();
        assertThat(order.getBootstrapDependencies(modules).toList()).doesNotContain(distribution);
        assertThat(order.getDirectDependencies(modules).contains(distribution)).isFalse();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
