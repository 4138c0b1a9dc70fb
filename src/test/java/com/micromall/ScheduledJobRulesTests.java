package com.micromall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheduled jobs only run for real outside the tests (tests switch scheduling off and call the
 * job methods directly), so these rules catch what no direct call would.
 */
class ScheduledJobRulesTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.micromall");

    @Test
    void everyScheduledJobHoldsADatabaseLockSoOnlyOneInstanceRunsIt() {
        methods().that().areAnnotatedWith(Scheduled.class).should().beAnnotatedWith(SchedulerLock.class)
                .check(classes);
    }

    @Test
    void lockedJobsReturnNothingBecauseShedLockCannotSkipAMethodThatMustReturnAValue() {
        methods().that().areAnnotatedWith(SchedulerLock.class).should().haveRawReturnType(void.class)
                .check(classes);
    }
}
