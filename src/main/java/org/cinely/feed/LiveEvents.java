package org.cinely.feed;

import static org.cinely.feed.jooq.Tables.LIVE_EVENTS;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The live-event log: what open pages should learn without a reload (a new feed entry, the
 * unread count, a work's transcode progress), one row per recipient. Rows are written in the
 * transaction that made the change, so a page never hears of something that was rolled back; a
 * node's {@link LiveHub} reads new rows and pushes them to its browsers, and a browser that
 * reconnects replays from its Last-Event-ID.
 */
@Repository
class LiveEvents {

    enum Kind {
        /** A new entry in the member's feed: {"entry": activityId}. */
        FEED,
        /** The member's unread notifications: {"unread": n}. */
        NOTIFICATIONS,
        /** A work's video moved on: {"work": id, "state": "...", "progress": n}. */
        TRANSCODE;

        String eventName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record LiveEvent(long id, MemberId member, Kind kind, String payload) {}

    /** How long rows are kept for reconnecting browsers. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final DSLContext dsl;
    private final Clock clock;
    private final List<Runnable> afterCommitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    LiveEvents(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Runs after a transaction that published live events commits (a hub's nudge to look now). */
    void onPublished(Runnable listener) {
        afterCommitListeners.add(listener);
    }

    void publish(Collection<MemberId> members, Kind kind, String payload) {
        List<MemberId> distinct = new ArrayList<>(new LinkedHashSet<>(members));
        var now = Sql.utc(clock.instant());
        for (int from = 0; from < distinct.size(); from += 1000) {
            InsertValuesStep4<?, Long, String, String, java.time.LocalDateTime> insert = dsl.insertInto(
                    LIVE_EVENTS, LIVE_EVENTS.MEMBER_ID, LIVE_EVENTS.KIND, LIVE_EVENTS.PAYLOAD, LIVE_EVENTS.CREATED_AT);
            for (MemberId member : distinct.subList(from, Math.min(distinct.size(), from + 1000))) {
                insert = insert.values(member.value(), kind.name(), payload, now);
            }
            insert.execute();
        }
        nudgeAfterCommit();
    }

    private void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommitListeners.forEach(Runnable::run);
                }
            });
        } else {
            afterCommitListeners.forEach(Runnable::run);
        }
    }

    /** Rows after {@code id}, and any of {@code among} (ids skipped earlier), oldest first. */
    List<LiveEvent> afterOrAmong(long id, Collection<Long> among, int limit) {
        var where = LIVE_EVENTS.ID.gt(id);
        if (!among.isEmpty()) {
            where = where.or(LIVE_EVENTS.ID.in(List.copyOf(among)));
        }
        return dsl.selectFrom(LIVE_EVENTS)
                .where(where)
                .orderBy(LIVE_EVENTS.ID)
                .limit(limit)
                .fetch(r -> new LiveEvent(
                        r.getId(), MemberId.of(r.getMemberId()), Kind.valueOf(r.getKind()), r.getPayload()));
    }

    /** One member's rows after this id, oldest first (a reconnecting browser's replay). */
    List<LiveEvent> afterFor(MemberId member, long id, int limit) {
        return dsl.selectFrom(LIVE_EVENTS)
                .where(LIVE_EVENTS.MEMBER_ID.eq(member.value()))
                .and(LIVE_EVENTS.ID.gt(id))
                .orderBy(LIVE_EVENTS.ID)
                .limit(limit)
                .fetch(r -> new LiveEvent(r.getId(), member, Kind.valueOf(r.getKind()), r.getPayload()));
    }

    long maxId() {
        Long max = dsl.select(DSL.max(LIVE_EVENTS.ID)).from(LIVE_EVENTS).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** The oldest id still kept; a Last-Event-ID before it asks for more than is left. */
    Optional<Long> minId() {
        return Optional.ofNullable(
                dsl.select(DSL.min(LIVE_EVENTS.ID)).from(LIVE_EVENTS).fetchOne(0, Long.class));
    }

    /** Rows older than a day go, a batch at a time (any node may run it; deletes are idempotent). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    int removeExpired() {
        return dsl.deleteFrom(LIVE_EVENTS)
                .where(LIVE_EVENTS.CREATED_AT.lt(Sql.utc(clock.instant().minus(RETENTION))))
                .limit(10_000)
                .execute();
    }
}
