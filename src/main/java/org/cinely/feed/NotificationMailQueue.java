package org.cinely.feed;

import static org.cinely.feed.jooq.Tables.NOTIFICATION_MAIL;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable outbox for notification e-mail. A row is queued in the transaction that makes the
 * notification (so a rolled-back change mails nothing) and one per notification (so a redelivered
 * event mails nothing twice). The sender claims due rows with SKIP LOCKED (any node may send, never
 * two the same row), sends outside any transaction, and then marks them sent, or due again later.
 */
@Repository
class NotificationMailQueue {

    enum State {
        PENDING,
        SENDING,
        SENT,
        FAILED
    }

    record QueuedMail(long id, Long notificationId, MemberId recipient, NotificationKind kind, int attempts) {}

    static final int MAX_ATTEMPTS = 8;

    private final DSLContext dsl;
    private final Clock clock;

    NotificationMailQueue(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    void enqueue(long notificationId, MemberId recipient, NotificationKind kind) {
        dsl.insertInto(NOTIFICATION_MAIL)
                .set(NOTIFICATION_MAIL.NOTIFICATION_ID, notificationId)
                .set(NOTIFICATION_MAIL.RECIPIENT_ID, recipient.value())
                .set(NOTIFICATION_MAIL.KIND, kind.name())
                .set(NOTIFICATION_MAIL.STATE, State.PENDING.name())
                .set(NOTIFICATION_MAIL.NOT_BEFORE, Sql.utc(clock.instant()))
                .set(NOTIFICATION_MAIL.CREATED_AT, Sql.utc(clock.instant()))
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Claims up to {@code limit} due mails for this node: they are SENDING until marked. */
    @Transactional
    List<QueuedMail> claim(int limit) {
        List<QueuedMail> due = dsl.selectFrom(NOTIFICATION_MAIL)
                .where(NOTIFICATION_MAIL.STATE.eq(State.PENDING.name()))
                .and(NOTIFICATION_MAIL.NOT_BEFORE.le(Sql.utc(clock.instant())))
                .orderBy(NOTIFICATION_MAIL.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(r -> new QueuedMail(
                        r.getId(),
                        r.getNotificationId(),
                        MemberId.of(r.getRecipientId()),
                        NotificationKind.valueOf(r.getKind()),
                        r.getAttempts()));
        if (!due.isEmpty()) {
            dsl.update(NOTIFICATION_MAIL)
                    .set(NOTIFICATION_MAIL.STATE, State.SENDING.name())
                    .set(NOTIFICATION_MAIL.ATTEMPTS, NOTIFICATION_MAIL.ATTEMPTS.plus(1))
                    .set(NOTIFICATION_MAIL.NOT_BEFORE, Sql.utc(clock.instant()))
                    .where(NOTIFICATION_MAIL.ID.in(
                            due.stream().map(QueuedMail::id).toList()))
                    .execute();
        }
        return due;
    }

    void sent(long id) {
        dsl.update(NOTIFICATION_MAIL)
                .set(NOTIFICATION_MAIL.STATE, State.SENT.name())
                .set(NOTIFICATION_MAIL.SENT_AT, Sql.utc(clock.instant()))
                .setNull(NOTIFICATION_MAIL.LAST_ERROR)
                .where(NOTIFICATION_MAIL.ID.eq(id))
                .execute();
    }

    /** Nothing to send after all (the notification went, or the member has no confirmed e-mail). */
    void dropped(long id, String why) {
        dsl.update(NOTIFICATION_MAIL)
                .set(NOTIFICATION_MAIL.STATE, State.FAILED.name())
                .set(NOTIFICATION_MAIL.LAST_ERROR, why)
                .where(NOTIFICATION_MAIL.ID.eq(id))
                .execute();
    }

    /** Could not send now: due again after a back-off (1, 2, 4 ... minutes), or given up. */
    void failed(QueuedMail mail, String error) {
        boolean giveUp = mail.attempts() + 1 >= MAX_ATTEMPTS;
        Duration wait = Duration.ofMinutes(1L << Math.min(mail.attempts(), 10));
        dsl.update(NOTIFICATION_MAIL)
                .set(NOTIFICATION_MAIL.STATE, giveUp ? State.FAILED.name() : State.PENDING.name())
                .set(NOTIFICATION_MAIL.NOT_BEFORE, Sql.utc(clock.instant().plus(wait)))
                .set(NOTIFICATION_MAIL.LAST_ERROR, error.length() > 300 ? error.substring(0, 300) : error)
                .where(NOTIFICATION_MAIL.ID.eq(mail.id()))
                .execute();
    }

    /**
     * Mails a node claimed and never marked (it died mid-send) are due again. The one case where
     * a mail may go twice: the node sent it and died before marking it; preferred to losing it.
     */
    int requeueStuck(Duration olderThan) {
        return dsl.update(NOTIFICATION_MAIL)
                .set(NOTIFICATION_MAIL.STATE, State.PENDING.name())
                .where(NOTIFICATION_MAIL.STATE.eq(State.SENDING.name()))
                .and(NOTIFICATION_MAIL.NOT_BEFORE.lt(Sql.utc(clock.instant().minus(olderThan))))
                .execute();
    }
}
