package org.cinely.works;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinely.platform.MemberId;
import org.cinely.platform.web.PageSlice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of works: profiles show a member's works, the feed what a viewer may
 * see. Every answer goes through the works' one visibility rule ({@link VisibilityRule}).
 */
@Service
public class WorksApi {

    private final WorkQueries queries;
    private final WorkExtras extras;
    private final WorkVisibility visibility;

    WorksApi(WorkQueries queries, WorkExtras extras, WorkVisibility visibility) {
        this.queries = queries;
        this.extras = extras;
        this.visibility = visibility;
    }

    /**
     * Cards of those of the given works this viewer may see now, by the works' one visibility
     * rule (owner's choice, connections, blocks, moderation, the owner's standing), and only once
     * they play (the owner sees theirs before). For lists built elsewhere, such as the feed and
     * notifications: what a viewer may no longer see (deleted, narrowed, blocked, hidden) is simply
     * not returned.
     */
    @Transactional(readOnly = true)
    public Map<Long, WorkCard> visibleCards(MemberId viewer, Collection<Long> workIds) {
        Set<Long> visible = visibility.visibleWorks(
                viewer,
                queries.audiences(workIds).values().stream()
                        .filter(a -> a.playable() || a.owner().equals(viewer))
                        .toList());
        Map<Long, WorkCard> cards = new HashMap<>();
        queries.cardsOf(visible).forEach(card -> cards.put(card.id(), card));
        return cards;
    }

    /**
     * Of the given comments, the ids this viewer may see now by the comments' rule (moderation,
     * the commenter's standing); deleted ones are not returned. Whether the viewer may see the work
     * itself is {@link #visibleCards}'s answer.
     */
    @Transactional(readOnly = true)
    public Set<Long> visibleComments(MemberId viewer, Collection<Long> commentIds) {
        return visibility.visibleComments(viewer, false, extras.comments(commentIds)).stream()
                .map(WorkExtras.Comment::id)
                .collect(Collectors.toSet());
    }

    /**
     * The member's works this viewer may see, newest first ({@code viewer} null means anonymous):
     * everything but removed ones for the member themselves; for others, by the works' rule, and
     * only playable ones.
     */
    @Transactional(readOnly = true)
    public PageSlice<WorkCard> worksOf(MemberId member, MemberId viewer, int page, int size) {
        return queries.worksOf(member, visibility.viewer(viewer, false, List.of(member)), page, size);
    }

    /**
     * The member's works that anyone may watch, newest first, all of them (what an application may
     * attach: the applicant picks among them).
     */
    @Transactional(readOnly = true)
    public List<WorkCard> everyoneMayWatchOf(MemberId member) {
        List<WorkCard> all = new ArrayList<>();
        PageSlice<WorkCard> slice;
        int page = 0;
        do {
            slice = queries.worksOf(member, VisibilityRule.Viewer.EVERYONE, page++, 500);
            all.addAll(slice.items());
        } while (slice.hasNext());
        return all;
    }

    /** Of the given works, the member's own that anyone may watch, newest first; others drop out. */
    @Transactional(readOnly = true)
    public List<WorkCard> everyoneMayWatchAmong(MemberId member, Collection<Long> workIds) {
        return queries.everyoneMayWatchAmong(member, workIds);
    }

    /** The member's confirmed credits on works anyone may watch (shown on their profile beside their own works). */
    @Transactional(readOnly = true)
    public PageSlice<CreditedWork> confirmedCreditsOf(MemberId member, int page, int size) {
        return queries.confirmedCreditsOf(member, page, size);
    }
}
