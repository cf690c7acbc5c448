package org.cinely.feed;

import static org.cinely.feed.jooq.Tables.NOTIFICATIONS;
import static org.cinely.feed.jooq.Tables.NOTIFICATION_DIGESTS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.platform.MemberId;
import org.cinely.platform.mail.MailOutbox;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes notification e-mail from the notification queue ({@link NotificationMailQueue}): each
 * mail after the notification's transaction committed, rendered then (so it tells only what the
 * page still shows), and handed to the platform's {@link MailOutbox}, which sends it with retries;
 * and once a day, for the kinds a member wants that way, a digest. Every mail
 * carries a one-click unsubscribe link for its kind (RFC 8058: List-Unsubscribe and
 * List-Unsubscribe-Post) that needs no log-in and changes only that choice.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    static final Duration DIGEST_EVERY = Duration.ofHours(24);

    private final NotificationMailQueue queue;
    private final NotificationStore notifications;
    private final AccountsApi accounts;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final FeedKeys keys;
    private final Seen seen;
    private final DSLContext dsl;
    private final Clock clock;
    private final String baseUrl;

    NotificationMailer(
            NotificationMailQueue queue,
            NotificationStore notifications,
            AccountsApi accounts,
            MailOutbox outbox,
            TransactionTemplate transactions,
            MessageSource messages,
            FeedKeys keys,
            Seen seen,
            DSLContext dsl,
            Clock clock,
            @Value("${cinely.base-url}") String baseUrl) {
        this.queue = queue;
        this.notifications = notifications;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.messages = messages;
        this.keys = keys;
        this.seen = seen;
        this.dsl = dsl;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Sends what is due. Each claimed batch is committed before the first mail goes out. */
    @Scheduled(
            fixedDelayString = "${cinely.notifications.mail-interval:PT5S}",
            initialDelayString = "${cinely.notifications.mail-interval:PT5S}")
    void sendDue() {
        queue.requeueStuck(Duration.ofMinutes(10));
        List<NotificationMailQueue.QueuedMail> due;
        do {
            due = queue.claim(50);
            due.forEach(this::send);
        } while (due.size() == 50);
    }

    private void send(NotificationMailQueue.QueuedMail mail) {
        Optional<NotificationStore.Notification> notification =
                mail.notificationId() == null ? Optional.empty() : notifications.find(mail.notificationId());
        Optional<String> email = accounts.verifiedEmail(mail.recipient());
        if (notification.isEmpty() || email.isEmpty()) {
            queue.dropped(mail.id(), notification.isEmpty() ? "notification gone" : "no confirmed e-mail");
            return;
        }
        NotificationStore.Notification n = notification.get();
        if (seen.shown(n.recipient(), List.of(n)).isEmpty()) {
            // Hidden, held, narrowed or blocked since it was written: the mail would tell what
            // the page no longer shows.
            queue.dropped(mail.id(), "no longer visible to the recipient");
            return;
        }
        String actor = n.actor() == null
                ? ""
                : accounts.findMember(n.actor()).map(MemberSummary::displayName).orElse("");
        Object[] args = args(n, actor);
        String subject = text("mail.notification." + n.kind().slug() + ".subject", args);
        String body = text("mail.notification." + n.kind().slug() + ".body", args) + footer(n.recipient(), n.kind());
        try {
            // Handed to the outbox and marked in one transaction: queued once, sent after commit.
            transactions.executeWithoutResult(status -> {
                outbox.enqueue(email.get(), subject, body, unsubscribeHeaders(n.recipient(), n.kind()));
                queue.sent(mail.id());
            });
        } catch (RuntimeException e) {
            queue.failed(mail, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Once a day per member, the unread notifications of the kinds they want in a digest. Claimed
     * by moving the member's digest time forward first, so two nodes never both send it.
     */
    @Scheduled(
            fixedDelayString = "${cinely.notifications.digest-interval:PT15M}",
            initialDelayString = "${cinely.notifications.digest-interval:PT15M}")
    void sendDigests() {
        Instant now = clock.instant();
        List<Long> candidates = dsl.selectDistinct(NOTIFICATIONS.RECIPIENT_ID)
                .from(NOTIFICATIONS)
                .where(NOTIFICATIONS.READ_AT.isNull())
                .and(NOTIFICATIONS.MAILABLE.isTrue())
                .and(NOTIFICATIONS.CREATED_AT.gt(Sql.utc(now.minus(DIGEST_EVERY))))
                .limit(10_000)
                .fetch(NOTIFICATIONS.RECIPIENT_ID);
        for (long id : candidates) {
            sendDigest(MemberId.of(id), now);
        }
    }

    /** Sends this member's digest if it is due and has anything in it; true when sent. */
    boolean sendDigest(MemberId member, Instant now) {
        List<NotificationKind> daily = notifications.choices(member).entrySet().stream()
                .filter(e -> e.getValue() == NotificationKind.EmailChoice.DAILY)
                .map(Map.Entry::getKey)
                .toList();
        if (daily.isEmpty()) {
            return false;
        }
        Instant since = dsl.select(NOTIFICATION_DIGESTS.LAST_SENT_AT)
                .from(NOTIFICATION_DIGESTS)
                .where(NOTIFICATION_DIGESTS.MEMBER_ID.eq(member.value()))
                .fetchOptional(NOTIFICATION_DIGESTS.LAST_SENT_AT)
                .map(t -> t.toInstant(ZoneOffset.UTC))
                .orElse(now.minus(DIGEST_EVERY));
        if (since.isAfter(now.minus(DIGEST_EVERY))) {
            return false;
        }
        List<NotificationStore.Notification> items =
                seen.shown(member, notifications.unreadSince(member, daily, since, 50));
        Optional<String> email = accounts.verifiedEmail(member);
        if (items.isEmpty() || email.isEmpty()) {
            return false;
        }
        // Everyone the digest names, in one lookup.
        Map<MemberId, MemberSummary> actors = accounts.findMembers(items.stream()
                .map(NotificationStore.Notification::actor)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        Map<NotificationKind, List<String>> lines = new LinkedHashMap<>();
        for (NotificationStore.Notification n : items) {
            MemberSummary summary = n.actor() == null ? null : actors.get(n.actor());
            String actor = summary == null ? "" : summary.displayName();
            lines.computeIfAbsent(n.kind(), k -> new ArrayList<>())
                    .add("- " + text("mail.notification." + n.kind().slug() + ".subject", args(n, actor)) + "\n  "
                            + url(n.link()));
        }
        StringBuilder body = new StringBuilder(text("mail.digest.intro", items.size())).append("\n\n");
        lines.forEach((kind, kindLines) -> {
            body.append(text(kind.messageKey())).append('\n');
            kindLines.forEach(line -> body.append(line).append('\n'));
            body.append('\n');
        });
        body.append(text("mail.digest.all", url("/notifications")));
        String unsubscribe = url(Unsubscribe.path(member, Unsubscribe.DIGEST, keys));
        body.append(text("mail.digest.footer", url("/settings/notifications"), unsubscribe));
        String subject = text("mail.digest.subject", items.size());
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // Claimed and queued in one transaction: two nodes never both send it, and a claimed
        // digest is never lost on the way to the mail server.
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!claimDigest(member, since, now)) {
                return false;
            }
            outbox.enqueue(email.get(), subject, body.toString(), headers);
            return true;
        }));
    }

    private boolean claimDigest(MemberId member, Instant since, Instant now) {
        int claimed = dsl.update(NOTIFICATION_DIGESTS)
                .set(NOTIFICATION_DIGESTS.LAST_SENT_AT, Sql.utc(now))
                .where(NOTIFICATION_DIGESTS.MEMBER_ID.eq(member.value()))
                .and(NOTIFICATION_DIGESTS.LAST_SENT_AT.le(Sql.utc(since)))
                .execute();
        if (claimed == 1) {
            return true;
        }
        return dsl.insertInto(NOTIFICATION_DIGESTS)
                        .set(NOTIFICATION_DIGESTS.MEMBER_ID, member.value())
                        .set(NOTIFICATION_DIGESTS.LAST_SENT_AT, Sql.utc(now))
                        .onDuplicateKeyIgnore()
                        .execute()
                == 1;
    }

    /** A mail's message arguments: {0} who, {1} what (a title), {2} the link, {3} a detail. */
    private Object[] args(NotificationStore.Notification n, String actor) {
        Titles.Split parts = Titles.split(n.title());
        String key = n.kind().detailKey(parts.detail());
        String detail = key == null ? parts.detail() : text(key);
        if (n.kind() == NotificationKind.APPLICATION_STATUS) {
            detail = detail.toLowerCase(Locale.ROOT);
        }
        return new Object[] {actor, parts.title(), url(n.link()), detail};
    }

    private String footer(MemberId member, NotificationKind kind) {
        return text(
                "mail.notification.footer",
                text(kind.messageKey()),
                unsubscribeUrl(member, kind),
                url("/settings/notifications"));
    }

    Map<String, String> unsubscribeHeaders(MemberId member, NotificationKind kind) {
        return Map.of(
                "List-Unsubscribe",
                "<" + unsubscribeUrl(member, kind) + ">",
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click");
    }

    String unsubscribeUrl(MemberId member, NotificationKind kind) {
        return url(Unsubscribe.path(member, kind, keys));
    }

    private String url(String path) {
        return UriComponentsBuilder.fromUriString(baseUrl).path(path).build().toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
