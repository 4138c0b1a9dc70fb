package com.micromall.notification;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Redelivers event publications whose listener failed - a mail server that was down, above all -
 * so a mail goes out late rather than never. It works on the whole publication registry, so any
 * module's failed listener is retried the same way (listeners are idempotent by design).
 * Publications younger than the minimum age are left alone: their first delivery may still be
 * running. Restarts redeliver too ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class IncompletePublicationsRetry {

    private final IncompleteEventPublications incompletePublications;
    private final Duration minimumAge;

    IncompletePublicationsRetry(IncompleteEventPublications incompletePublications,
                                @Value("${micromall.mail.retry.min-age:PT1M}") Duration minimumAge) {
        this.incompletePublications = incompletePublications;
        this.minimumAge = minimumAge;
    }

    @Scheduled(fixedDelayString = "${micromall.mail.retry.interval:PT5M}",
            initialDelayString = "${micromall.mail.retry.interval:PT5M}")
    @SchedulerLock(name = "notification.resubmitIncompletePublications")
    void resubmitIncompletePublications() {
        incompletePublications.resubmitIncompletePublicationsOlderThan(minimumAge);
    }
}
