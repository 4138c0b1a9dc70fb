package com.micromall.shared;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes event publications whose listener completed more than the kept time ago. Every order event is written
 * once per listener into the publication registry, and completed ones are otherwise kept for ever: the table would
 * grow by several rows per order for the life of the shop. Incomplete publications are never deleted here (they
 * are retried); recent completed ones stay, to look at when something went wrong.
 */
@Component
class CompletedPublicationsCleanup {

    private final CompletedEventPublications completedPublications;
    private final Duration kept;

    CompletedPublicationsCleanup(CompletedEventPublications completedPublications,
                                 @Value("${micromall.events.keep-completed:P7D}") Duration kept) {
        this.completedPublications = completedPublications;
        this.kept = kept;
    }

    @Scheduled(fixedDelayString = "${micromall.events.cleanup-interval:PT6H}", initialDelayString = "PT1M")
    @SchedulerLock(name = "shared.deleteCompletedPublications")
    void deleteCompletedPublications() {
        completedPublications.deletePublicationsOlderThan(kept);
    }
}
