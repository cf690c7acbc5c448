package org.cinely.feed;

import java.util.ArrayList;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfileCard;
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
    private final Seen seen;

    NotificationReader(NotificationStore store, Seen seen) {
        this.store = store;
        this.seen = seen;
    }

    static List<Long> subjects(List<NotificationStore.Notification> rows, Subject subject) {
        return rows.stream()
                .filter(n -> n.subject() == subject)
                .map(NotificationStore.Notification::subjectId)
                .distinct()
                .toList();
    }

    NotificationPage page(MemberId member, Long before) {
        List<NotificationStore.Notification> rows =
                store.page(member, before == null ? Long.MAX_VALUE : before, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        if (more) {
            rows = rows.subList(0, PAGE_SIZE);
        }
        Seen.Page seen = this.seen.by(
                member,
                rows.stream().map(NotificationStore.Notification::actor).toList(),
                subjects(rows, Subject.WORK),
                subjects(rows, Subject.JOB),
                rows.stream().map(NotificationStore.Notification::commentId).toList());
        List<NotificationView> items = new ArrayList<>();
        for (NotificationStore.Notification n : rows) {
            ProfileCard actor = seen.person(n.actor());
            if (seen.shows(n)) {
                Titles.Split title = Titles.split(n.title());
                items.add(
                        new NotificationView(n.id(), n.kind(), actor, title.title(), title.detail(), n.at(), n.read()));
            }
        }
        long newest = rows.isEmpty() ? 0 : rows.get(0).id();
        return new NotificationPage(items, more ? rows.get(rows.size() - 1).id() : null, newest);
    }
}
