package org.cinely.works;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of works: profiles show a member's works, the feed what a viewer may see. */
@Service
public class WorksApi {

    private final WorkQueries queries;
    private final ConnectionChecker connections;
    private final WorkService works;

    WorksApi(WorkQueries queries, ConnectionChecker connections, WorkService works) {
        this.queries = queries;
        this.connections = connections;
        this.works = works;
    }

    /**
     * Cards of those of the given works this viewer may see now, by the works' one visibility
     * rule (owner's choice, connections, blocks), and only once they play (the owner sees theirs
     * before). For lists built elsewhere, such as the feed and notifications: what a viewer may no
     * longer see (deleted, narrowed, blocked) is simply not returned.
     */
    @Transactional(readOnly = true)
    public Map<Long, WorkCard> visibleCards(MemberId viewer, Collection<Long> workIds) {
        Set<Long> visible = works.visibleTo(
                viewer,
                queries.audiences(workIds).values().stream()
                        .filter(a -> a.playable() || a.owner().equals(viewer))
                        .toList());
        Map<Long, WorkCard> cards = new HashMap<>();
        queries.cardsOf(visible).forEach(card -> cards.put(card.id(), card));
        return cards;
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
