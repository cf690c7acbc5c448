package org.cinely.platform.moderation;

import org.cinely.platform.MemberId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes {@link ModeratorOpenedContent} for a content module's page in a (writable) transaction
 * of its own: pages read in read-only transactions, and the event registry writes a row.
 */
@Component
public class ModeratorOpenings {

    private final ApplicationEventPublisher events;

    ModeratorOpenings(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void opened(MemberId moderator, ContentRef content) {
        events.publishEvent(new ModeratorOpenedContent(moderator, content));
    }
}
