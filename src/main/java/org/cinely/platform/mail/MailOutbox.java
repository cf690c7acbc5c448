package org.cinely.platform.mail;

import static org.cinely.platform.mail.jooq.Tables.MAIL_QUEUE;

import java.time.Clock;
import java.util.Map;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where every mail starts: {@link #enqueue} writes it as a row in the caller's transaction, so a
 * sign-up that rolls back sends nothing and one that commits cannot lose its mail; {@link
 * MailSender} sends it after commit, outside any transaction, with retries. Nothing in the app
 * talks to SMTP inside a transaction or sends a mail that was not first written here.
 */
@Service
public class MailOutbox {

    private final DSLContext dsl;
    private final MailSender sender;
    private final Clock clock;

    MailOutbox(DSLContext dsl, MailSender sender, Clock clock) {
        this.dsl = dsl;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * Forgets every mail to an address (an erased account's): sent ones keep their recipient and
     * subject in the queue's history otherwise. Joins the caller's transaction.
     */
    public int forgetRecipient(String address) {
        return dsl.deleteFrom(MAIL_QUEUE)
                .where(MAIL_QUEUE.RECIPIENT.eq(address))
                .execute();
    }

    public void enqueue(String to, String subject, String body) {
        enqueue(to, subject, body, Map.of());
    }

    /** Queues one plain-text mail with extra headers (such as List-Unsubscribe). */
    public void enqueue(String to, String subject, String body, Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach(
                (name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        dsl.insertInto(MAIL_QUEUE)
                .set(MAIL_QUEUE.RECIPIENT, to)
                .set(MAIL_QUEUE.SUBJECT, subject.length() > 200 ? subject.substring(0, 199) + "…" : subject)
                .set(MAIL_QUEUE.BODY, body)
                .set(
                        MAIL_QUEUE.HEADERS,
                        lines.isEmpty() ? null : lines.toString().strip())
                .set(MAIL_QUEUE.STATE, MailSender.State.QUEUED.name())
                .set(MAIL_QUEUE.NOT_BEFORE, Sql.utc(clock.instant()))
                .set(MAIL_QUEUE.CREATED_AT, Sql.utc(clock.instant()))
                .execute();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.wake();
                }
            });
        } else {
            sender.wake();
        }
    }
}
