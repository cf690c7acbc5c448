package org.cinely.connections;

import org.cinely.platform.MemberId;
import org.cinely.platform.web.HeaderCount;
import org.cinely.platform.web.HeaderCountCache;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The header badge's count of incoming connection requests (one indexed count). */
@Component
class RequestBadge implements HeaderCount {

    static final String ATTRIBUTE = "connectionRequestCount";

    private final ConnectionQueries queries;
    private final HeaderCountCache cache;

    RequestBadge(ConnectionQueries queries, HeaderCountCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    // A request's recipient sees it counted; once answered, withdrawn or blocked, no longer.

    @EventListener
    void on(ConnectionRequested event) {
        cache.forget(ATTRIBUTE, event.recipient());
    }

    @EventListener
    void on(ConnectionAccepted event) {
        cache.forget(ATTRIBUTE, event.requester(), event.accepter());
    }

    @EventListener
    void on(ConnectionDeclined event) {
        cache.forget(ATTRIBUTE, event.recipient());
    }

    @EventListener
    void on(ConnectionWithdrawn event) {
        cache.forget(ATTRIBUTE, event.recipient());
    }

    @EventListener
    void on(MemberBlocked event) {
        cache.forget(ATTRIBUTE, event.blocker(), event.blocked());
    }

    @Override
    public String attribute() {
        return ATTRIBUTE;
    }

    @Override
    public int count(MemberId member) {
        return queries.incomingCount(member.value());
    }
}
