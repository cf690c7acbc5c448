package org.cinely.feed;

import java.util.ArrayList;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.works.WorkCommentDeleted;
import org.cinely.works.WorkCommented;
import org.cinely.works.WorkCreditAdded;
import org.cinely.works.WorkCreditConfirmed;
import org.cinely.works.WorkCreditRemoved;
import org.cinely.works.WorkDeleted;
import org.cinely.works.WorkLiked;
import org.cinely.works.WorkUnliked;
import org.cinely.works.WorkVisibilityChanged;
import org.cinely.works.WorksApi;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notifications about works: credits, comments and likes, taken back when undone, and all of a
 * work's taken back from those who can no longer see it (deleted, narrowed, hidden).
 */
@Component
class WorkNotifications {

    private final Notifier notifier;
    private final WorksApi works;

    WorkNotifications(Notifier notifier, WorksApi works) {
        this.notifier = notifier;
        this.works = works;
    }

    @ApplicationModuleListener
    void on(WorkCreditAdded event) {
        notifier.notify(
                event.member(),
                "credit-tag:" + event.creditId(),
                NotificationKind.CREDIT_TAGGED,
                event.creditedBy(),
                Subject.WORK,
                event.workId(),
                event.title(),
                "/works/" + event.workId() + "#credits");
    }

    @ApplicationModuleListener
    void on(WorkCreditConfirmed event) {
        if (!event.member().equals(event.owner())) {
            notifier.notify(
                    event.owner(),
                    "credit-confirmed:" + event.creditId(),
                    NotificationKind.CREDIT_CONFIRMED,
                    event.member(),
                    Subject.WORK,
                    event.workId(),
                    event.title(),
                    "/works/" + event.workId() + "#credits");
        }
    }

    @ApplicationModuleListener
    void on(WorkCreditRemoved event) {
        notifier.retract(NotificationStore.eventKey("credit-tag:" + event.creditId())
                .or(NotificationStore.eventKey("credit-confirmed:" + event.creditId())));
    }

    @ApplicationModuleListener
    void on(WorkCommented event) {
        if (!event.author().equals(event.owner())) {
            notifier.notify(
                    event.owner(),
                    EventKeys.commentNotified(event.commentId()),
                    NotificationKind.WORK_COMMENTED,
                    event.author(),
                    Subject.WORK,
                    event.workId(),
                    event.title(),
                    "/works/" + event.workId() + "#comment-" + event.commentId());
        }
    }

    @ApplicationModuleListener
    void on(WorkCommentDeleted event) {
        notifier.retract(NotificationStore.eventKey(EventKeys.commentNotified(event.commentId())));
    }

    @ApplicationModuleListener
    void on(WorkLiked event) {
        if (!event.liker().equals(event.owner())) {
            notifier.notify(
                    event.owner(),
                    "work-like:" + event.workId() + ":" + event.liker().value(),
                    NotificationKind.WORK_LIKED,
                    event.liker(),
                    Subject.WORK,
                    event.workId(),
                    event.title(),
                    "/works/" + event.workId() + "#likes");
        }
    }

    @ApplicationModuleListener
    void on(WorkUnliked event) {
        notifier.retract(NotificationStore.event(
                event.owner(),
                "work-like:" + event.workId() + ":" + event.liker().value()));
    }

    @ApplicationModuleListener
    void on(WorkDeleted event) {
        notifier.retract(NotificationStore.subject(Subject.WORK, event.workId()));
    }

    /**
     * Fewer people may see the work now: those told about it who no longer may (by the works
     * module's rule) lose those notifications.
     */
    @ApplicationModuleListener
    void on(WorkVisibilityChanged event) {
        if (!event.narrowed()) {
            return;
        }
        List<MemberId> told = notifier.store().recipients(NotificationStore.subject(Subject.WORK, event.workId()));
        List<MemberId> noLonger = new ArrayList<>();
        for (MemberId recipient : told) {
            if (works.visibleCards(recipient, List.of(event.workId())).isEmpty()) {
                noLonger.add(recipient);
            }
        }
        for (MemberId recipient : noLonger) {
            notifier.retract(NotificationStore.subject(Subject.WORK, event.workId())
                    .and(NotificationStore.recipient(recipient)));
        }
    }
}
