package org.cinely.works;

import java.util.List;
import org.cinely.platform.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of works (profiles show a member's works with this). */
@Service
public class WorksApi {

    private final WorkQueries queries;
    private final ConnectionChecker connections;

    WorksApi(WorkQueries queries, ConnectionChecker connections) {
        this.queries = queries;
        this.connections = connections;
    }

    /**
     * The member's works this viewer may see, newest first: everything for the member
     * themselves, public and connections-only ones for a connection, public ones for anyone
     * else ({@code viewer} null means anonymous). Only playable works are shown to others.
     */
    @Transactional(readOnly = true)
    public List<WorkCard> publicWorksOf(MemberId member, MemberId viewer) {
        boolean self = member.equals(viewer);
        boolean connected = viewer != null && !self && connections.connected(member, viewer);
        return queries.worksOf(member, self, connected);
    }

    /** The member's confirmed credits on public works (shown on their profile beside their own works). */
    @Transactional(readOnly = true)
    public List<CreditedWork> confirmedCreditsOf(MemberId member) {
        return queries.confirmedCreditsOf(member);
    }
}
