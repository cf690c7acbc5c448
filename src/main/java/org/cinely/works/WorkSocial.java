package org.cinely.works;

import java.time.Duration;
import java.util.Optional;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members do on a work they can see: like it, comment, and (the credited member) confirm or
 * remove their credit. Each change is one transaction with its counter and publishes its event, so
 * the owner hears of it and a retraction follows an undo.
 */
@Service
class WorkSocial {

    static final RateLimiter.Limit COMMENTS = new RateLimiter.Limit("work-comment", 20, Duration.ofMinutes(10));
    static final RateLimiter.Limit LIKES = new RateLimiter.Limit("work-like", 60, Duration.ofMinutes(10));

    private final WorkService works;
    private final WorkExtras extras;
    private final WorkStandings standings;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;

    WorkSocial(
            WorkService works,
            WorkExtras extras,
            WorkStandings standings,
            RateLimiter rateLimiter,
            ApplicationEventPublisher events) {
        this.works = works;
        this.extras = extras;
        this.standings = standings;
        this.rateLimiter = rateLimiter;
        this.events = events;
    }

    /**
     * Likes ({@code want} true) or unlikes a work the member may see, or flips it ({@code want}
     * null); returns whether they like it now. A double click sends the same wish twice: the
     * second changes nothing and announces nothing.
     */
    @Transactional
    boolean like(long workId, CurrentMember member, Boolean want) {
        Work work = works.findVisible(workId, member);
        rateLimiter.acquire(LIKES, "member:" + member.id());
        // Likes of one work queue up behind its row (which the like count updates anyway): two
        // at once would otherwise each lock the pair's gap and deadlock on their inserts.
        extras.lockWork(workId);
        boolean changed = extras.like(workId, member.id(), want);
        boolean likes = extras.likesNow(workId, member.id());
        if (changed) {
            events.publishEvent(
                    likes
                            ? new WorkLiked(workId, work.getOwner(), member.id(), work.getTitle())
                            : new WorkUnliked(workId, work.getOwner(), member.id()));
        }
        return likes;
    }

    /** How long the same comment sent again counts as a double submit, not a second comment. */
    static final java.time.Duration SAME_COMMENT_WINDOW = java.time.Duration.ofSeconds(30);

    @Transactional
    long comment(Work work, CurrentMember member, String body) {
        // Comments on one work queue up here, so a double submit finds the first and adds nothing.
        extras.lockWork(work.getId());
        Optional<Long> same = extras.recentSameComment(work.getId(), member.id(), body.strip(), SAME_COMMENT_WINDOW);
        if (same.isPresent()) {
            return same.get();
        }
        rateLimiter.acquire(COMMENTS, "member:" + member.id());
        // Comments are not held for review (only works are): a comment starts visible, with its
        // author's standing.
        long commentId = extras.addComment(work.getId(), member.id(), standings.of(member.id()), body.strip());
        events.publishEvent(new WorkCommented(work.getId(), commentId, work.getOwner(), member.id(), work.getTitle()));
        return commentId;
    }

    /** Only the author edits a comment (not one moderators removed); anyone else's is "not found". */
    @Transactional
    void editComment(long workId, long commentId, CurrentMember member, String body) {
        WorkExtras.Comment comment = extras.comment(commentId)
                .filter(c -> c.workId() == workId && c.author().equals(member.id()))
                .filter(c -> c.state().visibleToAuthor())
                .orElseThrow(() -> new NotFoundException("work"));
        extras.editComment(comment.id(), body.strip());
    }

    /** The author, the work's owner or a moderator may delete a comment. */
    @Transactional
    void deleteComment(long workId, long commentId, CurrentMember member) {
        Work work = works.find(workId);
        WorkExtras.Comment comment = extras.comment(commentId)
                .filter(c -> c.workId() == workId)
                .filter(c -> c.author().equals(member.id()) || work.ownedBy(member.id()) || member.isModerator())
                .orElseThrow(() -> new NotFoundException("work"));
        extras.deleteComment(workId, comment.id());
        events.publishEvent(new WorkCommentDeleted(workId, comment.id(), comment.author()));
    }

    @Transactional
    void confirmCredit(long workId, long creditId, CurrentMember member) {
        WorkExtras.Credit credit = ownCredit(member, workId, creditId);
        if (credit.confirmed()) {
            return; // a double submit: confirmed once, announced once
        }
        // Confirming puts the work on the member's profile and in their network's feed: only a
        // work they may see (removing a credit stays possible on any).
        Work work = works.findVisible(workId, member);
        extras.confirmCredit(credit.id());
        events.publishEvent(new WorkCreditConfirmed(
                workId, credit.id(), member.id(), work.getOwner(), work.getTitle(), credit.craft()));
    }

    @Transactional
    void removeCredit(long workId, long creditId, CurrentMember member) {
        WorkExtras.Credit credit = ownCredit(member, workId, creditId);
        Work work = works.find(workId);
        extras.removeCredit(credit.id());
        events.publishEvent(new WorkCreditRemoved(workId, credit.id(), member.id(), work.getOwner()));
    }

    /** The credited member may confirm or remove their own credit (the owner edits the list). */
    private WorkExtras.Credit ownCredit(CurrentMember member, long workId, long creditId) {
        return extras.credit(creditId)
                .filter(c -> c.workId() == workId && c.member().equals(member.id()))
                .orElseThrow(() -> new NotFoundException("work"));
    }
}
