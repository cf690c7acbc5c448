package org.cinely.feed;

import static org.cinely.feed.jooq.Tables.NOTIFICATIONS;
import static org.cinely.feed.jooq.Tables.NOTIFICATION_PREFERENCES;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.feed.jooq.tables.records.NotificationsRecord;
import org.cinely.platform.MemberId;
import org.cinely.platform.search.Sql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Notifications and each member's e-mail choices, in jOOQ. */
@Repository
class NotificationStore {

    record Notification(
            long id,
            MemberId recipient,
            NotificationKind kind,
            MemberId actor,
            Subject subject,
            long subjectId,
            String title,
            String link,
            Instant at,
            boolean read,
            Long commentId) {}

    private final DSLContext dsl;
    private final Clock clock;

    /** The bell's count is kept per member (see HeaderCountCache): every write here drops it. */
    private void unreadChanged(MemberId... recipients) {
        headerCounts.forget(NotificationBell.ATTRIBUTE, recipients);
    }

    private final org.cinely.platform.web.HeaderCountCache headerCounts;

    NotificationStore(DSLContext dsl, Clock clock, org.cinely.platform.web.HeaderCountCache headerCounts) {
        this.dsl = dsl;
        this.clock = clock;
        this.headerCounts = headerCounts;
    }

    /** Adds a notification once per event and recipient; empty when it was added before. */
    @Transactional
    Optional<Long> add(
            MemberId recipient,
            String eventKey,
            NotificationKind kind,
            MemberId actor,
            Subject subject,
            long subjectId,
            String title,
            String link,
            boolean mailable) {
        int inserted = dsl.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.RECIPIENT_ID, recipient.value())
                .set(NOTIFICATIONS.EVENT_KEY, eventKey)
                .set(NOTIFICATIONS.KIND, kind.name())
                .set(NOTIFICATIONS.ACTOR_ID, actor == null ? null : actor.value())
                .set(NOTIFICATIONS.SUBJECT_TYPE, subject.name())
                .set(NOTIFICATIONS.SUBJECT_ID, subjectId)
                .set(NOTIFICATIONS.TITLE, title == null || title.length() <= 200 ? title : title.substring(0, 200))
                .set(NOTIFICATIONS.LINK, link)
                .set(NOTIFICATIONS.MAILABLE, mailable)
                .set(NOTIFICATIONS.CREATED_AT, Sql.utc(clock.instant()))
                .onDuplicateKeyIgnore()
                .execute();
        if (inserted == 1) {
            unreadChanged(recipient);
        }
        return inserted == 1 ? Optional.of(dsl.lastID().longValue()) : Optional.empty();
    }

    /** Removes what no longer holds; returns the recipients whose unread count may have changed. */
    List<MemberId> remove(Condition which) {
        List<MemberId> recipients = recipients(which);
        if (!recipients.isEmpty()) {
            dsl.deleteFrom(NOTIFICATIONS).where(which).execute();
            unreadChanged(recipients.toArray(MemberId[]::new));
        }
        return recipients;
    }

    static Condition event(MemberId recipient, String eventKey) {
        return NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()).and(NOTIFICATIONS.EVENT_KEY.eq(eventKey));
    }

    static Condition eventKey(String eventKey) {
        return NOTIFICATIONS.EVENT_KEY.eq(eventKey);
    }

    static Condition subject(Subject subject, long id) {
        return NOTIFICATIONS.SUBJECT_TYPE.eq(subject.name()).and(NOTIFICATIONS.SUBJECT_ID.eq(id));
    }

    static Condition between(MemberId recipient, MemberId actor) {
        return NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()).and(NOTIFICATIONS.ACTOR_ID.eq(actor.value()));
    }

    static Condition recipient(MemberId recipient) {
        return NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value());
    }

    List<MemberId> recipients(Condition which) {
        return dsl.selectDistinct(NOTIFICATIONS.RECIPIENT_ID)
                .from(NOTIFICATIONS)
                .where(which)
                .fetch(r -> MemberId.of(r.value1()));
    }

    static Condition byActor(MemberId actor) {
        return NOTIFICATIONS.ACTOR_ID.eq(actor.value());
    }

    Optional<Notification> find(long id) {
        return dsl.selectFrom(NOTIFICATIONS).where(NOTIFICATIONS.ID.eq(id)).fetchOptional(NotificationStore::map);
    }

    /** The member's notifications older than {@code before}, newest first. */
    List<Notification> page(MemberId recipient, long before, int limit) {
        return dsl.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()))
                .and(NOTIFICATIONS.ID.lt(before))
                .orderBy(NOTIFICATIONS.ID.desc())
                .limit(limit)
                .fetch(NotificationStore::map);
    }

    /** Unread notifications of these kinds made after {@code since}, oldest first (the digest). */
    List<Notification> unreadSince(MemberId recipient, List<NotificationKind> kinds, Instant since, int limit) {
        return dsl.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()))
                .and(NOTIFICATIONS.READ_AT.isNull())
                .and(NOTIFICATIONS.MAILABLE.isTrue())
                .and(NOTIFICATIONS.KIND.in(kinds.stream().map(Enum::name).toList()))
                .and(NOTIFICATIONS.CREATED_AT.gt(Sql.utc(since)))
                .orderBy(NOTIFICATIONS.ID)
                .limit(limit)
                .fetch(NotificationStore::map);
    }

    /** The bell's number: one indexed count. */
    int unread(MemberId recipient) {
        return dsl.fetchCount(
                NOTIFICATIONS, NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()).and(NOTIFICATIONS.READ_AT.isNull()));
    }

    /** Marks one of the member's notifications read; false when it is not theirs (or gone). */
    boolean markRead(MemberId recipient, long id) {
        unreadChanged(recipient);
        return dsl.update(NOTIFICATIONS)
                        .set(
                                NOTIFICATIONS.READ_AT,
                                DSL.coalesce(NOTIFICATIONS.READ_AT, DSL.val(Sql.utc(clock.instant()))))
                        .where(NOTIFICATIONS.ID.eq(id))
                        .and(NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()))
                        .execute()
                == 1;
    }

    /** Marks everything up to {@code upTo} read (what the member saw, not what arrived since). */
    int markAllRead(MemberId recipient, long upTo) {
        unreadChanged(recipient);
        return dsl.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.READ_AT, Sql.utc(clock.instant()))
                .where(NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()))
                .and(NOTIFICATIONS.READ_AT.isNull())
                .and(NOTIFICATIONS.ID.le(upTo))
                .execute();
    }

    // ---------------------------------------------------------------- e-mail choices

    Map<NotificationKind, NotificationKind.EmailChoice> choices(MemberId member) {
        Map<NotificationKind, NotificationKind.EmailChoice> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, kind.defaultEmail());
        }
        dsl.selectFrom(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.MEMBER_ID.eq(member.value()))
                .forEach(r -> NotificationKind.fromSlug(r.getKind())
                        .ifPresent(kind -> choices.put(kind, NotificationKind.EmailChoice.valueOf(r.getEmail()))));
        return choices;
    }

    NotificationKind.EmailChoice choice(MemberId member, NotificationKind kind) {
        return dsl.select(NOTIFICATION_PREFERENCES.EMAIL)
                .from(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.MEMBER_ID.eq(member.value()))
                .and(NOTIFICATION_PREFERENCES.KIND.eq(kind.slug()))
                .fetchOptional(NOTIFICATION_PREFERENCES.EMAIL)
                .map(NotificationKind.EmailChoice::valueOf)
                .orElse(kind.defaultEmail());
    }

    void choose(MemberId member, NotificationKind kind, NotificationKind.EmailChoice choice) {
        dsl.insertInto(NOTIFICATION_PREFERENCES)
                .set(NOTIFICATION_PREFERENCES.MEMBER_ID, member.value())
                .set(NOTIFICATION_PREFERENCES.KIND, kind.slug())
                .set(NOTIFICATION_PREFERENCES.EMAIL, choice.name())
                .onDuplicateKeyUpdate()
                .set(NOTIFICATION_PREFERENCES.EMAIL, choice.name())
                .execute();
    }

    private static Notification map(NotificationsRecord r) {
        return new Notification(
                r.getId(),
                MemberId.of(r.getRecipientId()),
                NotificationKind.valueOf(r.getKind()),
                r.getActorId() == null ? null : MemberId.of(r.getActorId()),
                Subject.valueOf(r.getSubjectType()),
                r.getSubjectId(),
                r.getTitle(),
                r.getLink(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC),
                r.getReadAt() != null,
                EventKeys.commentOf(r.getEventKey()));
    }
}
