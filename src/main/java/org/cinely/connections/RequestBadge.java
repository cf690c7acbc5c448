package org.cinely.connections;

import org.cinely.platform.MemberId;
import org.cinely.platform.web.HeaderCount;
import org.springframework.stereotype.Component;

/** The header badge's count of incoming connection requests (one indexed count). */
@Component
class RequestBadge implements HeaderCount {

    static final String ATTRIBUTE = "connectionRequestCount";

    private final ConnectionQueries queries;

    RequestBadge(ConnectionQueries queries) {
        this.queries = queries;
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
