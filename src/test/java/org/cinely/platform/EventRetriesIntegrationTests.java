package org.cinely.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.FlakyListener;
import org.cinely.test.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** A listener that throws is not silently lost: the registry keeps the event and it is retried. */
@CinelyIntegrationTest
class EventRetriesIntegrationTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    FlakyListener listener;

    @Autowired
    TestData data;

    @Test
    void aListenerThatThrowsIsTriedAgainUntilItSucceeds() {
        String key = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> events.publishEvent(new FlakyListener.FlakyEvent(key, 2)));

        Awaitility.await("retried until done").atMost(Duration.ofSeconds(20)).until(() -> listener.done(key));
        assertThat(listener.attempts(key)).isEqualTo(3);
        data.awaitEventListeners(); // and the registry has it as completed
    }
}
