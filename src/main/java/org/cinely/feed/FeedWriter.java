package org.cinely.feed;

import java.util.ArrayList;
import java.util.List;
import org.cinely.connections.ConnectionAccepted;
import org.cinely.connections.ConnectionRemoved;
import org.cinely.connections.ConnectionsApi;
import org.cinely.connections.MemberBlocked;
import org.cinely.jobs.ApplicationStatusChanged;
import org.cinely.jobs.JobPosted;
import org.cinely.platform.MemberId;
import org.cinely.works.Visibility;
import org.cinely.works.WorkCommentDeleted;
import org.cinely.works.WorkCommented;
import org.cinely.works.WorkCreditConfirmed;
import org.cinely.works.WorkCreditRemoved;
import org.cinely.works.WorkDeleted;
import org.cinely.works.WorkLiked;
import org.cinely.works.WorkPublished;
import org.cinely.works.WorkTranscodeProgressed;
import org.cinely.works.WorkUnliked;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into feed entries and fans each out to the timelines of those who
 * should see it; takes entries back when their subject goes. Every listener is idempotent: an
 * event's key is recorded once ({@link FeedStore#record}), so a redelivered event adds nothing.
 * Who may see an entry's subject is decided when it is read, by the owning module's rule
 * ({@link FeedReader}); what is retracted here is what can never be shown again.
 */
@Component
class FeedWriter {

    private final FeedStore store;
    private final ConnectionsApi connections;
    private final LiveEvents live;

    FeedWriter(FeedStore store, ConnectionsApi connections, LiveEvents live) {
        this.store = store;
        this.connections = connections;
        this.live = live;
    }

    @ApplicationModuleListener
    void on(WorkPublished event) {
        List<MemberId> audience =
                event.visibility() == Visibility.PRIVATE ? List.of(event.owner()) : withNetwork(event.owner());
        share(
                "work-published:" + event.workId(),
                event.owner(),
                Verb.WORK_PUBLISHED,
                Subject.WORK,
                event.workId(),
                null,
                event.title(),
                audience);
    }

    @ApplicationModuleListener
    void on(WorkCreditConfirmed event) {
        share(
                "credit-confirmed:" + event.creditId(),
                event.member(),
                Verb.CREDIT_CONFIRMED,
                Subject.WORK,
                event.workId(),
                event.owner(),
                event.title(),
                withNetwork(event.member()));
    }

    @ApplicationModuleListener
    void on(WorkCreditRemoved event) {
        store.retractEvent("credit-confirmed:" + event.creditId());
    }

    @ApplicationModuleListener
    void on(JobPosted event) {
        share(
                "job-posted:" + event.job().value(),
                event.poster(),
                Verb.JOB_POSTED,
                Subject.JOB,
                event.job().value(),
                null,
                event.title(),
                withNetwork(event.poster()));
    }

    @ApplicationModuleListener
    void on(ConnectionAccepted event) {
        List<MemberId> audience = new ArrayList<>(withNetwork(event.accepter()));
        audience.addAll(withNetwork(event.requester()));
        share(
                EventKeys.connected(event.requester(), event.accepter()),
                event.accepter(),
                Verb.CONNECTED,
                Subject.MEMBER,
                event.requester().value(),
                event.requester(),
                null,
                audience);
    }

    @ApplicationModuleListener
    void on(ConnectionRemoved event) {
        store.retractEvent(EventKeys.connected(event.remover(), event.other()));
    }

    @ApplicationModuleListener
    void on(MemberBlocked event) {
        store.retractEvent(EventKeys.connected(event.blocker(), event.blocked()));
        store.forgetActor(event.blocker(), event.blocked());
        store.forgetActor(event.blocked(), event.blocker());
    }

    @ApplicationModuleListener
    void on(WorkCommented event) {
        if (!event.author().equals(event.owner())) {
            share(
                    EventKeys.commented(event.commentId()),
                    event.author(),
                    Verb.WORK_COMMENTED,
                    Subject.WORK,
                    event.workId(),
                    event.owner(),
                    event.title(),
                    List.of(event.owner()));
        }
    }

    @ApplicationModuleListener
    void on(WorkCommentDeleted event) {
        store.retractEvent(EventKeys.commented(event.commentId()));
    }

    @ApplicationModuleListener
    void on(WorkLiked event) {
        if (!event.liker().equals(event.owner())) {
            share(
                    likedKey(event.workId(), event.liker()),
                    event.liker(),
                    Verb.WORK_LIKED,
                    Subject.WORK,
                    event.workId(),
                    event.owner(),
                    event.title(),
                    List.of(event.owner()));
        }
    }

    @ApplicationModuleListener
    void on(WorkUnliked event) {
        store.retractEvent(likedKey(event.workId(), event.liker()));
    }

    @ApplicationModuleListener
    void on(WorkDeleted event) {
        store.retractSubject(Subject.WORK, event.workId());
    }

    @ApplicationModuleListener
    void on(ApplicationStatusChanged event) {
        if (!"withdrawn".equals(event.to())) {
            share(
                    "application:" + event.application() + ":" + event.to() + ":"
                            + event.at().toEpochMilli(),
                    event.poster(),
                    Verb.APPLICATION_UPDATED,
                    Subject.JOB,
                    event.job().value(),
                    event.applicant(),
                    Titles.join(event.to(), event.jobTitle()),
                    List.of(event.applicant()));
        }
    }

    /** Progress goes straight to the owner's open pages (no feed entry, nothing to keep). */
    @EventListener
    void on(WorkTranscodeProgressed event) {
        live.publish(
                List.of(event.owner()),
                LiveEvents.Kind.TRANSCODE,
                "{\"work\":" + event.workId() + ",\"state\":\"" + event.state() + "\",\"progress\":" + event.percent()
                        + "}");
    }

    private void share(
            String key,
            MemberId actor,
            Verb verb,
            Subject subject,
            long subjectId,
            MemberId other,
            String title,
            List<MemberId> audience) {
        store.record(key, actor, verb, subject, subjectId, other, title).ifPresent(activity -> {
            store.fanOut(activity, audience);
            live.publish(audience, LiveEvents.Kind.FEED, "{\"entry\":" + activity + "}");
        });
    }

    /** The member and everyone connected to them. */
    private List<MemberId> withNetwork(MemberId member) {
        List<MemberId> audience = new ArrayList<>(connections.connectionsOf(member));
        audience.add(member);
        return audience;
    }

    private static String likedKey(long workId, MemberId liker) {
        return "work-liked:" + workId + ":" + liker.value();
    }
}
