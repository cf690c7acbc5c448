package org.cinely.platform.mail;

import static org.cinely.platform.mail.jooq.Tables.MAIL_QUEUE;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what {@link MailOutbox} queued. A round claims due rows (any node; a row is SENDING while
 * claimed, committed before the first mail goes), hands each to {@link Mailer} outside any
 * transaction, then marks it SENT (emptying its body: links in it are credentials) or due again
 * after a back-off of 1, 2, 4 ... minutes, up to {@value #MAX_ATTEMPTS} tries. A node that dies
 * mid-round leaves rows SENDING; they are due again after ten minutes. That one case may send a
 * mail twice, so every mail carries a Message-ID of its row, the same on a resend, by which a
 * receiving server or client drops the copy.
 *
 * <p>A round runs right after a transaction that queued mail commits ({@link #wake}), and on a
 * schedule for retries and for what another node queued.
 */
@Component
class MailSender {

    enum State {
        QUEUED,
        SENDING,
        SENT,
        FAILED
    }

    static final int MAX_ATTEMPTS = 8;
    private static final Duration STUCK = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    record QueuedMail(long id, String to, String subject, String body, Map<String, String> headers, int attempts) {}

    private final DSLContext dsl;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String messageIdDomain;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    MailSender(
            DSLContext dsl,
            Mailer mailer,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${cinely.base-url}") String baseUrl) {
        this.dsl = dsl;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        String host = URI.create(baseUrl).getHost();
        this.messageIdDomain = host == null ? "cinely.local" : host;
    }

    /** A round soon, on the sender's own thread; wake-ups while one is pending add nothing. */
    void wake() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                wakeUps.execute(() -> {
                    wakeUpPending.set(false);
                    sendDueSafely();
                });
            } catch (RejectedExecutionException shuttingDown) {
                wakeUpPending.set(false); // the next start's round sends it
            }
        }
    }

    @Scheduled(
            fixedDelayString = "${cinely.mail.send-interval:PT10S}",
            initialDelayString = "${cinely.mail.send-interval:PT10S}")
    void scheduledRound() {
        wake();
    }

    private void sendDueSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The database away, say: the rows wait for the next round.
            log.warn("Mail round stopped: {}", e.getMessage());
        }
    }

    /** Sends every due mail; returns how many went out. */
    int sendDue() {
        requeueStuck();
        int sent = 0;
        List<QueuedMail> due;
        do {
            due = claim(20);
            for (QueuedMail mail : due) {
                sent += send(mail) ? 1 : 0;
            }
        } while (due.size() == 20);
        return sent;
    }

    private boolean send(QueuedMail mail) {
        Map<String, String> headers = new LinkedHashMap<>(mail.headers());
        headers.put("Message-ID", "<mail-" + mail.id() + "@" + messageIdDomain + ">");
        boolean taken;
        try {
            taken = mailer.send(mail.to(), mail.subject(), mail.body(), headers);
        } catch (RuntimeException e) {
            taken = false; // tried again later, like a refusal; the rest of the round goes on
            log.warn("Mail {} could not be handed over: {}", mail.id(), e.getMessage());
        }
        if (taken) {
            dsl.update(MAIL_QUEUE)
                    .set(MAIL_QUEUE.STATE, State.SENT.name())
                    .set(MAIL_QUEUE.SENT_AT, Sql.utc(clock.instant()))
                    .set(MAIL_QUEUE.BODY, "")
                    .setNull(MAIL_QUEUE.LAST_ERROR)
                    .where(MAIL_QUEUE.ID.eq(mail.id()))
                    .execute();
            return true;
        }
        boolean giveUp = mail.attempts() >= MAX_ATTEMPTS || !mailer.canSend();
        Duration wait = Duration.ofMinutes(1L << Math.min(mail.attempts() - 1, 10));
        var update = dsl.update(MAIL_QUEUE)
                .set(MAIL_QUEUE.STATE, giveUp ? State.FAILED.name() : State.QUEUED.name())
                .set(MAIL_QUEUE.NOT_BEFORE, Sql.utc(clock.instant().plus(wait)))
                .set(MAIL_QUEUE.LAST_ERROR, mailer.canSend() ? "the mail server did not take it" : "no mail server");
        // A mail given up keeps no body either: its links are credentials.
        (giveUp ? update.set(MAIL_QUEUE.BODY, "") : update)
                .where(MAIL_QUEUE.ID.eq(mail.id()))
                .execute();
        if (giveUp && mailer.canSend()) {
            log.warn("Mail {} to {} given up after {} tries", mail.id(), mail.to(), mail.attempts());
        }
        return false;
    }

    /** Claims due mail for this node, committed before any of it is sent. */
    private List<QueuedMail> claim(int limit) {
        return transactions.execute(status -> {
            List<QueuedMail> due = dsl.selectFrom(MAIL_QUEUE)
                    .where(MAIL_QUEUE.STATE.eq(State.QUEUED.name()))
                    .and(MAIL_QUEUE.NOT_BEFORE.le(Sql.utc(clock.instant())))
                    .orderBy(MAIL_QUEUE.ID)
                    .limit(limit)
                    .forUpdate()
                    .skipLocked()
                    .fetch(r -> new QueuedMail(
                            r.getId(),
                            r.getRecipient(),
                            r.getSubject(),
                            r.getBody(),
                            headers(r.getHeaders()),
                            r.getAttempts() + 1));
            if (!due.isEmpty()) {
                dsl.update(MAIL_QUEUE)
                        .set(MAIL_QUEUE.STATE, State.SENDING.name())
                        .set(MAIL_QUEUE.ATTEMPTS, MAIL_QUEUE.ATTEMPTS.plus(1))
                        .set(MAIL_QUEUE.NOT_BEFORE, Sql.utc(clock.instant()))
                        .where(MAIL_QUEUE.ID.in(due.stream().map(QueuedMail::id).toList()))
                        .execute();
            }
            return due;
        });
    }

    private void requeueStuck() {
        dsl.update(MAIL_QUEUE)
                .set(MAIL_QUEUE.STATE, State.QUEUED.name())
                .where(MAIL_QUEUE.STATE.eq(State.SENDING.name()))
                .and(MAIL_QUEUE.NOT_BEFORE.lt(Sql.utc(clock.instant().minus(STUCK))))
                .execute();
    }

    private static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdown();
    }
}
