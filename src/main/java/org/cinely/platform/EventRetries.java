package org.cinely.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A listener that threw is tried again: every minute, publications the registry marked failed
 * (each failure is logged where it happened) are handed to their listeners once more, up to ten
 * tries each; the listeners are idempotent, so a retry that finds the work done changes nothing.
 * Incomplete publications from a node that stopped are republished at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    static final int MAX_TRIES = 10;

    private final ObjectProvider<FailedEventPublications> failed;
    private final Duration minAge;
    private final java.util.Set<java.util.UUID> givenUp = java.util.concurrent.ConcurrentHashMap.newKeySet();

    EventRetries(
            ObjectProvider<FailedEventPublications> failed,
            @org.springframework.beans.factory.annotation.Value("${cinely.events.retry-after:PT30S}") Duration minAge) {
        this.failed = failed;
        this.minAge = minAge;
    }

    @Scheduled(
            fixedDelayString = "${cinely.events.retry-interval:PT1M}",
            initialDelayString = "${cinely.events.retry-interval:PT1M}")
    void retryFailed() {
        failed.ifAvailable(publications -> {
            try {
                publications.resubmit(ResubmissionOptions.defaults()
                        .withMinAge(minAge)
                        .withBatchSize(100)
                        .withFilter(publication -> {
                            boolean retry = publication.getCompletionAttempts() < MAX_TRIES;
                            if (!retry && givenUp.add(publication.getIdentifier())) {
                                log.error(
                                        "Event {} failed {} times and is no longer retried: {}",
                                        publication.getIdentifier(),
                                        publication.getCompletionAttempts(),
                                        publication.getEvent());
                            }
                            return retry;
                        }));
            } catch (RuntimeException e) {
                log.warn("Failed events could not be resubmitted now: {}", e.getMessage());
            }
        });
    }
}
