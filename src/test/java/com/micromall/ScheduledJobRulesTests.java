package com.micromall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
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

    /**
     * A lock outlives an instance that dies holding it until its ceiling: with a ceiling of at most two minutes a
     * crash delays due commissions, cancellations and mail retries by no more than that.
     */
    @Test
    void everyJobsLockCeilingIsAtMostTwoMinutes() {
        Duration limit = Duration.ofMinutes(2);
        List<JavaClass> configurations = classes.stream()
                .filter(type -> type.isAnnotatedWith(EnableSchedulerLock.class)).toList();
        assertThat(configurations).hasSize(1);
        Duration defaultCeiling = Duration.parse(
                configurations.get(0).getAnnotationOfType(EnableSchedulerLock.class).defaultLockAtMostFor());
        assertThat(defaultCeiling).as("the default ceiling").isLessThanOrEqualTo(limit);

        List<JavaMethod> jobs = classes.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(SchedulerLock.class)).toList();
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(4).allSatisfy(job -> {
            String ceiling = job.getAnnotationOfType(SchedulerLock.class).lockAtMostFor();
            assertThat(ceiling.isEmpty() ? defaultCeiling : Duration.parse(ceiling))
                    .as(job.getFullName()).isLessThanOrEqualTo(limit);
        });
    }
}
