package org.cinely.connections;

import org.cinely.platform.MemberId;
import org.cinely.works.ConnectionChecker;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells works who may watch a connections-only work and who blocked whom (works declares the interface). */
@Component
class WorkConnectionChecker implements ConnectionChecker {

    private final ConnectionQueries queries;

    WorkConnectionChecker(ConnectionQueries queries) {
        this.queries = queries;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean connected(MemberId a, MemberId b) {
        return queries.connected(a.value(), b.value());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean blockedEitherWay(MemberId a, MemberId b) {
        return queries.blocks(a.value(), b.value()) || queries.blocks(b.value(), a.value());
    }
}
