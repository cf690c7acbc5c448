package org.cinely.connections;

import java.util.List;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.profiles.MemberRelations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the profile pages how a viewer stands towards a member. */
@Component
class ConnectionRelations implements MemberRelations {

    static final int MUTUAL_SAMPLE = 6;

    private final ConnectionQueries queries;

    ConnectionRelations(ConnectionQueries queries) {
        this.queries = queries;
    }

    @Override
    @Transactional(readOnly = true)
    public Relation between(MemberId viewer, MemberId member) {
        int count = queries.connectionCount(member.value());
        if (viewer == null) {
            return new Relation(State.ANONYMOUS, null, count, List.of(), 0);
        }
        long v = viewer.value();
        long m = member.value();
        if (v == m) {
            return new Relation(State.SELF, null, count, List.of(), 0);
        }
        if (queries.blocks(m, v)) {
            return new Relation(State.BLOCKED_VIEWER, null, 0, List.of(), 0);
        }
        if (queries.blocks(v, m)) {
            return new Relation(State.BLOCKED_BY_VIEWER, null, count, List.of(), 0);
        }
        List<MemberId> sample = queries.mutualSample(v, m, MUTUAL_SAMPLE).stream()
                .map(MemberId::of)
                .toList();
        int mutual = sample.size() < MUTUAL_SAMPLE ? sample.size() : queries.mutualCount(v, m);
        if (queries.connected(v, m)) {
            return new Relation(State.CONNECTED, null, count, sample, mutual);
        }
        return queries.requestBetween(v, m)
                .map(r -> new Relation(
                        r.requesterId() == v ? State.REQUEST_SENT : State.REQUEST_RECEIVED,
                        r.id(),
                        count,
                        sample,
                        mutual))
                .orElse(new Relation(State.NONE, null, count, sample, mutual));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> blockersOf(MemberId viewer) {
        return queries.blockersOf(viewer.value());
    }
}
