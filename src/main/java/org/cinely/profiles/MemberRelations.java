package org.cinely.profiles;

import java.util.List;
import java.util.Set;
import org.cinely.platform.MemberId;

/**
 * What the profile pages need to know about the connection graph, implemented by the connections
 * module (profiles declares it so that it need not depend on connections: dependency inversion).
 */
public interface MemberRelations {

    /** How the viewer (null when anonymous) stands towards the member. */
    Relation between(MemberId viewer, MemberId member);

    /** Members who blocked the viewer: they do not show their details to the viewer. */
    Set<Long> blockersOf(MemberId viewer);

    /** The viewer's relation to a member shown on the profile page. */
    record Relation(State state, Long requestId, int connectionCount, List<MemberId> mutualSample, int mutualCount) {

        public static Relation none(int connectionCount) {
            return new Relation(State.NONE, null, connectionCount, List.of(), 0);
        }

        public boolean blocked() {
            return state == State.BLOCKED_BY_VIEWER || state == State.BLOCKED_VIEWER;
        }
    }

    enum State {
        ANONYMOUS,
        SELF,
        NONE,
        CONNECTED,
        REQUEST_SENT,
        REQUEST_RECEIVED,
        BLOCKED_BY_VIEWER,
        BLOCKED_VIEWER
    }
}
