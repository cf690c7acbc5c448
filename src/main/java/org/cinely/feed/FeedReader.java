package org.cinely.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfileCard;
import org.springframework.stereotype.Service;

/**
 * Reads a member's feed a page at a time. What each entry is about is checked now, with the
 * owning modules' own rules ({@link Seen}): a work deleted,
 * narrowed or hidden since, a suspended member, someone blocked either way, never shows.
 * Pages are keyset-paged by activity id ("older than"), so entries that arrive while a member
 * reads never shift a page: no duplicates, no gaps.
 */
@Service
class FeedReader {

    static final int PAGE_SIZE = 20;

    /** How many timeline rows are read per round when some turn out hidden. */
    private static final int BATCH = 40;

    private static final int MAX_ROUNDS = 5;

    record FeedPage(List<FeedEntry> entries, Long olderThan) {}

    private final FeedStore store;
    private final Seen seen;
    private final FirstPageCache firstPages;

    FeedReader(FeedStore store, Seen seen, FirstPageCache firstPages) {
        this.store = store;
        this.seen = seen;
        this.firstPages = firstPages;
    }

    /**
     * Entries older than {@code before} (null: the newest), and the cursor for the next page. The
     * newest page, which every visit to the home shows, is kept a few seconds ({@link
     * FirstPageCache}).
     */
    FeedPage page(MemberId viewer, Long before) {
        return before == null ? firstPages.get(viewer, () -> read(viewer, null)) : read(viewer, before);
    }

    private FeedPage read(MemberId viewer, Long before) {
        long cursor = before == null ? Long.MAX_VALUE : before;
        List<FeedEntry> shown = new ArrayList<>();
        boolean exhausted = false;
        for (int round = 0; round < MAX_ROUNDS && shown.size() < PAGE_SIZE && !exhausted; round++) {
            List<FeedStore.Activity> batch = store.page(viewer, cursor, BATCH);
            exhausted = batch.size() < BATCH;
            if (!batch.isEmpty()) {
                cursor = batch.get(batch.size() - 1).id();
                shown.addAll(visible(viewer, batch));
            }
        }
        if (shown.size() > PAGE_SIZE) {
            shown = new ArrayList<>(shown.subList(0, PAGE_SIZE));
            exhausted = false;
            cursor = shown.get(shown.size() - 1).id();
        }
        return new FeedPage(group(shown), exhausted && shown.size() < PAGE_SIZE ? null : cursor);
    }

    /** Entries newer than {@code after}, oldest first (what a live page adds at the top). */
    List<FeedEntry> newer(MemberId viewer, long after) {
        List<FeedStore.Activity> newest = store.page(viewer, Long.MAX_VALUE, BATCH).stream()
                .filter(a -> a.id() > after)
                .toList();
        return group(visible(viewer, newest));
    }

    private List<FeedEntry> visible(MemberId viewer, List<FeedStore.Activity> activities) {
        Seen.Page seen = this.seen.by(
                viewer,
                activities.stream()
                        .flatMap(a -> Stream.of(a.actor(), a.other()))
                        .toList(),
                ids(activities, Subject.WORK),
                ids(activities, Subject.JOB),
                activities.stream().map(FeedStore.Activity::commentId).toList());
        List<FeedEntry> entries = new ArrayList<>();
        for (FeedStore.Activity a : activities) {
            ProfileCard actor = seen.person(a.actor());
            ProfileCard other = seen.person(a.other());
            if (actor != null
                    && (a.other() == null || other != null)
                    && seen.subject(a.subject(), a.subjectId(), a.commentId())) {
                entries.add(new FeedEntry(
                        a.id(),
                        a.verb(),
                        actor,
                        List.of(),
                        other,
                        a.subject() == Subject.WORK ? seen.works().get(a.subjectId()) : null,
                        a.subject() == Subject.JOB ? seen.jobs().get(a.subjectId()) : null,
                        a.title(),
                        a.at()));
            }
        }
        return entries;
    }

    private static Collection<Long> ids(List<FeedStore.Activity> activities, Subject subject) {
        return activities.stream()
                .filter(a -> a.subject() == subject)
                .map(FeedStore.Activity::subjectId)
                .distinct()
                .toList();
    }

    /**
     * Likes and comments on the same work within a page become one entry, at the newest one's
     * place: "Jonas and 3 others liked Kreuzberg Nights". A member counts once.
     */
    static List<FeedEntry> group(List<FeedEntry> entries) {
        Map<String, FeedEntry> grouped = new LinkedHashMap<>();
        for (FeedEntry entry : entries) {
            String key = entry.verb().groupsBySubject() && entry.work() != null
                    ? entry.verb() + ":" + entry.work().id()
                    : "entry:" + entry.id();
            FeedEntry first = grouped.get(key);
            if (first == null) {
                grouped.put(key, entry);
            } else if (first.actor().memberId() != entry.actor().memberId()
                    && first.moreActors().stream()
                            .noneMatch(p -> p.memberId() == entry.actor().memberId())) {
                List<ProfileCard> more = new ArrayList<>(first.moreActors());
                more.add(entry.actor());
                grouped.put(
                        key,
                        new FeedEntry(
                                first.id(),
                                first.verb(),
                                first.actor(),
                                List.copyOf(more),
                                first.other(),
                                first.work(),
                                first.job(),
                                first.detail(),
                                first.at()));
            }
        }
        return List.copyOf(grouped.values());
    }
}
