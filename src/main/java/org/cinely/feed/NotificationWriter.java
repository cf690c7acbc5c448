package org.cinely.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.cinely.accounts.AccountState;
import org.cinely.accounts.AccountStateChanged;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.connections.ConnectionAccepted;
import org.cinely.connections.ConnectionDeclined;
import org.cinely.connections.ConnectionRemoved;
import org.cinely.connections.ConnectionRequested;
import org.cinely.connections.ConnectionWithdrawn;
import org.cinely.connections.MemberBlocked;
import org.cinely.jobs.ApplicationStatusChanged;
import org.cinely.jobs.ApplicationSubmitted;
import org.cinely.jobs.SavedSearchMatched;
import org.cinely.moderation.AppealDecided;
import org.cinely.moderation.DecisionTaken;
import org.cinely.moderation.ReportResolved;
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
 * Turns events into notifications for the members they concern, queues their e-mail (by each
 * member's choice) in the same transaction, and takes back what no longer holds: an undone like,
 * a withdrawn request, a deleted work or comment, a block. Idempotent: one notification per event
 * and recipient ({@link NotificationStore#add}), so a redelivered event adds, and mails, nothing.
 */
@Component
class NotificationWriter {

    private final NotificationStore store;
    private final NotificationMailQueue mail;
    private final LiveEvents live;
    private final AccountsApi accounts;
    private final WorksApi works;

    NotificationWriter(
            NotificationStore store,
            NotificationMailQueue mail,
            LiveEvents live,
            AccountsApi accounts,
            WorksApi works) {
        this.store = store;
        this.mail = mail;
        this.live = live;
        this.accounts = accounts;
        this.works = works;
    }

    // ---------------------------------------------------------------- connections

    @ApplicationModuleListener
    void on(ConnectionRequested event) {
        notify(
                event.recipient(),
                "connection-request:" + event.requestId(),
                NotificationKind.CONNECTION_REQUESTED,
                event.requester(),
                Subject.MEMBER,
                event.requester().value(),
                null,
                "/connections/requests");
    }

    @ApplicationModuleListener
    void on(ConnectionDeclined event) {
        retract(NotificationStore.event(event.recipient(), "connection-request:" + event.requestId()));
    }

    @ApplicationModuleListener
    void on(ConnectionWithdrawn event) {
        retract(NotificationStore.event(event.recipient(), "connection-request:" + event.requestId()));
    }

    @ApplicationModuleListener
    void on(ConnectionAccepted event) {
        notify(
                event.requester(),
                EventKeys.connected(event.requester(), event.accepter()),
                NotificationKind.CONNECTION_ACCEPTED,
                event.accepter(),
                Subject.MEMBER,
                event.accepter().value(),
                null,
                memberPath(event.accepter()));
    }

    @ApplicationModuleListener
    void on(ConnectionRemoved event) {
        retract(NotificationStore.eventKey(EventKeys.connected(event.remover(), event.other())));
    }

    /** Neither hears of the other any more: what each was told of the other goes. */
    @ApplicationModuleListener
    void on(MemberBlocked event) {
        retract(NotificationStore.between(event.blocker(), event.blocked())
                .or(NotificationStore.between(event.blocked(), event.blocker())));
    }

    /** A suspended or banned member's notifications to others go. */
    @ApplicationModuleListener
    void on(AccountStateChanged event) {
        if (event.state() != AccountState.ACTIVE) {
            retract(NotificationStore.byActor(event.memberId()));
        }
    }

    // ---------------------------------------------------------------- works

    @ApplicationModuleListener
    void on(WorkCreditAdded event) {
        notify(
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
            notify(
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
        retract(NotificationStore.eventKey("credit-tag:" + event.creditId())
                .or(NotificationStore.eventKey("credit-confirmed:" + event.creditId())));
    }

    @ApplicationModuleListener
    void on(WorkCommented event) {
        if (!event.author().equals(event.owner())) {
            notify(
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
        retract(NotificationStore.eventKey(EventKeys.commentNotified(event.commentId())));
    }

    @ApplicationModuleListener
    void on(WorkLiked event) {
        if (!event.liker().equals(event.owner())) {
            notify(
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
        retract(NotificationStore.event(
                event.owner(),
                "work-like:" + event.workId() + ":" + event.liker().value()));
    }

    @ApplicationModuleListener
    void on(WorkDeleted event) {
        retract(NotificationStore.subject(Subject.WORK, event.workId()));
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
        List<MemberId> told = store.recipients(NotificationStore.subject(Subject.WORK, event.workId()));
        List<MemberId> noLonger = new ArrayList<>();
        for (MemberId recipient : told) {
            if (works.visibleCards(recipient, List.of(event.workId())).isEmpty()) {
                noLonger.add(recipient);
            }
        }
        for (MemberId recipient : noLonger) {
            retract(NotificationStore.subject(Subject.WORK, event.workId())
                    .and(NotificationStore.recipient(recipient)));
        }
    }

    // ---------------------------------------------------------------- jobs

    @ApplicationModuleListener
    void on(ApplicationSubmitted event) {
        notify(
                event.poster(),
                "application:" + event.application(),
                NotificationKind.APPLICATION_RECEIVED,
                event.applicant(),
                Subject.JOB,
                event.job().value(),
                event.jobTitle(),
                "/jobs/" + event.job().value() + "/applicants/" + event.application());
    }

    @ApplicationModuleListener
    void on(ApplicationStatusChanged event) {
        if ("withdrawn".equals(event.to()) || "new".equals(event.to())) {
            return;
        }
        notify(
                event.applicant(),
                "application-status:" + event.application() + ":" + event.to() + ":"
                        + event.at().toEpochMilli(),
                NotificationKind.APPLICATION_STATUS,
                event.poster(),
                Subject.JOB,
                event.job().value(),
                Titles.join(event.to(), event.jobTitle()),
                "/jobs/" + event.job().value());
    }

    @ApplicationModuleListener
    void on(SavedSearchMatched event) {
        notify(
                event.member(),
                "saved-search:" + event.savedSearch() + ":" + event.job().value(),
                NotificationKind.SAVED_SEARCH_MATCH,
                null,
                Subject.JOB,
                event.job().value(),
                Titles.join(event.searchName(), event.jobTitle()),
                "/jobs/" + event.job().value(),
                event.emailAlert());
    }

    // ---------------------------------------------------------------- moderation (moderators stay anonymous)

    @ApplicationModuleListener
    void on(DecisionTaken event) {
        notify(
                event.member(),
                "decision:" + event.decisionId(),
                NotificationKind.MODERATION_DECISION,
                null,
                Subject.MEMBER,
                event.member().value(),
                Titles.join(
                        event.action().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        event.title() == null ? "" : event.title()),
                event.link());
    }

    @ApplicationModuleListener
    void on(ReportResolved event) {
        notify(
                event.reporter(),
                "report-resolved:" + event.reportId(),
                NotificationKind.REPORT_RESOLVED,
                null,
                Subject.MEMBER,
                event.reporter().value(),
                Titles.join(event.target().kind().slug(), ""),
                "/moderation/reports");
    }

    @ApplicationModuleListener
    void on(AppealDecided event) {
        notify(
                event.member(),
                "appeal:" + event.appealId(),
                NotificationKind.APPEAL_ANSWERED,
                null,
                Subject.MEMBER,
                event.member().value(),
                Titles.join(event.reversed() ? "approved" : "rejected", ""),
                event.link());
    }

    // ----------------------------------------------------------------

    private void notify(
            MemberId recipient,
            String eventKey,
            NotificationKind kind,
            MemberId actor,
            Subject subject,
            long subjectId,
            String title,
            String link) {
        notify(recipient, eventKey, kind, actor, subject, subjectId, title, link, true);
    }

    /** @param mailable false when the subject itself says "no e-mail" (a saved search's switch) */
    private void notify(
            MemberId recipient,
            String eventKey,
            NotificationKind kind,
            MemberId actor,
            Subject subject,
            long subjectId,
            String title,
            String link,
            boolean mailable) {
        if (recipient.equals(actor)) {
            return;
        }
        store.add(recipient, eventKey, kind, actor, subject, subjectId, title, link, mailable)
                .ifPresent(id -> {
                    if (mailable && store.choice(recipient, kind) == NotificationKind.EmailChoice.INSTANT) {
                        mail.enqueue(id, recipient, kind);
                    }
                    announceUnread(List.of(recipient));
                });
    }

    private void retract(org.jooq.Condition which) {
        announceUnread(store.remove(which));
    }

    /** Open pages of these members update their bell. */
    void announceUnread(Collection<MemberId> recipients) {
        for (MemberId recipient : recipients) {
            live.publish(
                    List.of(recipient), LiveEvents.Kind.NOTIFICATIONS, "{\"unread\":" + store.unread(recipient) + "}");
        }
    }

    private String memberPath(MemberId member) {
        return accounts.findMember(member)
                .map(MemberSummary::handle)
                .map(h -> "/members/" + h)
                .orElse("/connections");
    }
}
