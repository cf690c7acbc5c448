package org.cinely.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cinely.connections.ConnectionsApi;
import org.cinely.jobs.JobSummary;
import org.cinely.jobs.JobsApi;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfileCard;
import org.cinely.profiles.ProfilesApi;
import org.cinely.works.WorkCard;
import org.cinely.works.WorksApi;
import org.springframework.stereotype.Service;

/**
 * Reads a member's notifications, newest first, keyset-paged; like the feed, each is shown only
 * while its subject's owning module lets this member see it and its actor is listed and not
 * blocked either way.
 */
@Service
class NotificationReader {

    static final int PAGE_SIZE = 30;

    record NotificationPage(List<NotificationView> items, Long olderThan, long newestId) {}

    private final NotificationStore store;
    private final ProfilesApi profiles;
    private final ConnectionsApi connections;
    private final WorksApi works;
    private final JobsApi jobs;

    NotificationReader(
            NotificationStore store, ProfilesApi profiles, ConnectionsApi connections, WorksApi works, JobsApi jobs) {
        this.store = store;
        this.profiles = profiles;
        this.connections = connections;
        this.works = works;
        this.jobs = jobs;
    }

    NotificationPage page(MemberId member, Long before) {
        List<NotificationStore.Notification> rows =
                store.page(member, before == null ? Long.MAX_VALUE : before, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        if (more) {
            rows = rows.subList(0, PAGE_SIZE);
        }
        Set<MemberId> blocked = connections.blockedEitherWay(member);
        Map<MemberId, ProfileCard> actors = profiles.listedCards(rows.stream()
                .map(NotificationStore.Notification::actor)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<Long, WorkCard> workCards = works.visibleCards(
                member,
                rows.stream()
                        .filter(n -> n.subject() == Subject.WORK)
                        .map(NotificationStore.Notification::subjectId)
                        .distinct()
                        .toList());
        Map<Long, JobSummary> jobCards = jobs.visibleSummaries(
                member,
                rows.stream()
                        .filter(n -> n.subject() == Subject.JOB)
                        .map(NotificationStore.Notification::subjectId)
                        .distinct()
                        .toList());
        List<NotificationView> items = new ArrayList<>();
        for (NotificationStore.Notification n : rows) {
            ProfileCard actor = n.actor() == null ? null : actors.get(n.actor());
            boolean actorVisible = n.actor() == null || (actor != null && !blocked.contains(n.actor()));
            boolean subjectVisible = switch (n.subject()) {
                case WORK -> workCards.containsKey(n.subjectId());
                case JOB -> jobCards.containsKey(n.subjectId());
                case MEMBER, APPLICATION -> true;
            };
            if (actorVisible && subjectVisible) {
                String title = n.title() == null ? "" : n.title();
                int bar = title.indexOf('|');
                items.add(new NotificationView(
                        n.id(),
                        n.kind(),
                        actor,
                        bar < 0 ? title : title.substring(bar + 1),
                        bar < 0 ? "" : title.substring(0, bar),
                        n.at(),
                        n.read()));
            }
        }
        long newest = rows.isEmpty() ? 0 : rows.get(0).id();
        return new NotificationPage(items, more ? rows.get(rows.size() - 1).id() : null, newest);
    }
}
