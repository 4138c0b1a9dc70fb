package com.micromall.shared;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The two jobs on Spring Modulith's event publication registry, where every event is written once per listener.
 * They work on the whole registry, so every module's listeners are treated the same way.
 */
@Component
public class EventPublicationJobs {

    private final IncompleteEventPublications incompletePublications;
    private final CompletedEventPublications completedPublications;
    private final Duration retryMinimumAge;
    private final Duration completedKept;

    EventPublicationJobs(IncompleteEventPublications incompletePublications,
                         CompletedEventPublications completedPublications,
                         @Value("${micromall.mail.retry.min-age:PT1M}") Duration retryMinimumAge,
                         @Value("${micromall.events.keep-completed:P7D}") Duration completedKept) {
        this.incompletePublications = incompletePublications;
        this.completedPublications = completedPublications;
        this.retryMinimumAge = retryMinimumAge;
        this.completedKept = completedKept;
    }

    /**
     * Redelivers publications whose listener failed - a mail server that was down, above all - so a mail goes
     * out late rather than never (listeners are idempotent by design). Publications younger than the minimum age
     * are left alone: their first delivery may still be running. Restarts redeliver too
     * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
     */
    @Scheduled(fixedDelayString = "${micromall.mail.retry.interval:PT5M}",
            initialDelayString = "${micromall.mail.retry.interval:PT5M}")
    @SchedulerLock(name = "notification.resubmitIncompletePublications", lockAtMostFor = "PT1M")
    public void resubmitIncompletePublications() {
        incompletePublications.resubmitIncompletePublicationsOlderThan(retryMinimumAge);
    }

    /**
     * Deletes publications whose listener completed more than the kept time ago; otherwise the table would grow
     * by several rows per order for the life of the shop. Incomplete ones are never deleted here (they are
     * retried); recent completed ones stay, to look at when something went wrong.
     */
    @Scheduled(fixedDelayString = "${micromall.events.cleanup-interval:PT6H}", initialDelayString = "PT1M")
    @SchedulerLock(name = "shared.deleteCompletedPublications", lockAtMostFor = "PT2M")
    public void deleteCompletedPublications() {
        completedPublications.deletePublicationsOlderThan(completedKept);
    }
}
