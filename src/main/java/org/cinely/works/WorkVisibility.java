package org.cinely.works;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModeratorOpenedContent;
import org.cinely.platform.security.CurrentMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies {@link VisibilityRule} for a viewer: reads, once per page of works or comments, whom
 * among their authors the viewer is connected to and blocked by, and tells the moderation log
 * when a moderator opens a work only their role lets them see.
 */
@Component
class WorkVisibility {

    private final ConnectionChecker connections;
    private final ApplicationEventPublisher events;

    WorkVisibility(ConnectionChecker connections, ApplicationEventPublisher events) {
        this.connections = connections;
        this.events = events;
    }

    /** The viewer with their relations to these authors ({@code null}: a visitor). */
    VisibilityRule.Viewer viewer(MemberId viewer, boolean moderator, Collection<MemberId> authors) {
        if (viewer == null) {
            return VisibilityRule.Viewer.EVERYONE;
        }
        Set<MemberId> others =
                authors.stream().filter(author -> !author.equals(viewer)).collect(Collectors.toSet());
        if (others.isEmpty()) {
            return new VisibilityRule.Viewer(viewer, moderator, Set.of(), Set.of());
        }
        return new VisibilityRule.Viewer(
                viewer,
                moderator,
                connections.connectedAmong(viewer, others),
                connections.blockedAmong(viewer, others));
    }

    VisibilityRule.Viewer viewer(CurrentMember member, Collection<MemberId> authors) {
        return member == null ? VisibilityRule.Viewer.EVERYONE : viewer(member.id(), member.isModerator(), authors);
    }

    static boolean canView(VisibilityRule.Viewer viewer, Work work) {
        return VisibilityRule.work(
                viewer, work.getOwner(), work.getVisibility(), work.getModerationState(), work.getAuthorStanding());
    }

    /** Of these works, the ids this viewer may see (a page of the feed: one read of relations). */
    Set<Long> visibleWorks(MemberId viewer, Collection<WorkQueries.Audience> works) {
        VisibilityRule.Viewer who = viewer(
                viewer, false, works.stream().map(WorkQueries.Audience::owner).toList());
        return works.stream()
                .filter(w -> VisibilityRule.work(who, w.owner(), w.visibility(), w.state(), w.standing()))
                .map(WorkQueries.Audience::workId)
                .collect(Collectors.toSet());
    }

    /** Of a work's comments, those this viewer may see; connections are read only for limited authors. */
    List<WorkExtras.Comment> visibleComments(
            MemberId viewer, boolean moderator, Collection<WorkExtras.Comment> comments) {
        VisibilityRule.Viewer who = viewer(
                viewer,
                moderator,
                comments.stream()
                        .filter(c -> c.standing().limitsReach())
                        .map(WorkExtras.Comment::author)
                        .toList());
        return comments.stream()
                .filter(c -> VisibilityRule.comment(who, c.author(), c.state(), c.standing()))
                .toList();
    }

    /**
     * Whether this moderator sees the work only by their role: it is not visible, its author's
     * standing hides it, or it is not shared with them.
     */
    static boolean seenOnlyByRole(VisibilityRule.Viewer viewer, Work work) {
        return viewer.moderator() && !canView(viewer.asMember(), work);
    }

    boolean seenOnlyByRole(CurrentMember member, Work work) {
        return member != null && member.isModerator() && seenOnlyByRole(viewer(member, List.of(work.getOwner())), work);
    }

    /**
     * A moderator opened a work they see only by their role ({@link #seenOnlyByRole}): the
     * moderation module's audit log records it. In a transaction, so the publication registry
     * keeps the event.
     */
    @Transactional
    void noteModeratorOpened(VisibilityRule.Viewer viewer, Work work) {
        events.publishEvent(new ModeratorOpenedContent(viewer.id(), new ContentRef(ContentKind.WORK, work.getId())));
    }
}
