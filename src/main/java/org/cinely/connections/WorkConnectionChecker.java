package org.cinely.connections;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** One query, however many others. */
    @Override
    @Transactional(readOnly = true)
    public Set<MemberId> connectedAmong(MemberId member, Collection<MemberId> others) {
        return queries
                .connectedAmong(
                        member.value(), others.stream().map(MemberId::value).toList())
                .stream()
                .map(MemberId::of)
                .collect(Collectors.toSet());
    }

    /** One query (a member's blocks, both ways, are few), however many others. */
    @Override
    @Transactional(readOnly = true)
    public Set<MemberId> blockedAmong(MemberId member, Collection<MemberId> others) {
        Set<Long> blocked = queries.blockedEitherWay(member.value());
        return others.stream().filter(other -> blocked.contains(other.value())).collect(Collectors.toSet());
    }
}
