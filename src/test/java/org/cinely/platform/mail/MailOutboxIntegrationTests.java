package org.cinely.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way mail leaves: queued in the deciding transaction, sent after it commits, retried
 * when it cannot be handed over, picked up again when a node died mid-send, and its body (links
 * are credentials) emptied once it went.
 */
@CinelyIntegrationTest
class MailOutboxIntegrationTests {

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailSender sender;

    @Autowired
    TestData data;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private Map<String, Object> queued(String to) {
        return data.jdbc().queryForMap("select * from mail_queue where recipient = ?", to);
    }

    @Test
    void aMailQueuedInACommittedTransactionGoesOutOnceAndKeepsNoBody() {
        String to = TestData.uniqueEmail();
        tx.executeWithoutResult(status -> outbox.enqueue(to, "Welcome", "Open https://x/verify?token=secret"));
        assertThat(data.latestMailBody(to)).contains("token=secret");
        sender.sendDue(); // another round sends nothing again
        data.awaitMailSent();
        assertThat(data.mailCount(to)).isEqualTo(1);
        Map<String, Object> row = queued(to);
        assertThat(row.get("state")).isEqualTo("SENT");
        assertThat(row.get("body")).isEqualTo("");
        assertThat(row.get("attempts")).isEqualTo(1);
    }

    @Test
    void aMailQueuedInATransactionThatRollsBackIsNeverSent() {
        String to = TestData.uniqueEmail();
        tx.executeWithoutResult(status -> {
            outbox.enqueue(to, "Welcome", "Never");
            status.setRollbackOnly(); // as a sign-up that loses a race for its handle
        });
        sender.sendDue();
        data.awaitMailSent();
        assertThat(data.mailCount(to)).isZero();
        assertThat(data.jdbc().queryForObject("select count(*) from mail_queue where recipient = ?", Integer.class, to))
                .isZero();
    }

    @Test
    void aMailThatCannotBeHandedOverIsTriedAgainLaterAndHoldsUpNothingElse() {
        String refused = TestData.uniqueEmail();
        String fine = TestData.uniqueEmail();
        // The dev outbox's column holds 64 KB: a longer body is refused there, as a server might.
        tx.executeWithoutResult(status -> {
            outbox.enqueue(refused, "Too long", "x".repeat(70_000));
            outbox.enqueue(fine, "Fine", "Short");
        });
        assertThat(data.latestMailBody(fine)).isEqualTo("Short");
        Map<String, Object> row = queued(refused);
        assertThat(row.get("state")).isEqualTo("QUEUED");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error")).isNotNull();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select not_before from mail_queue where recipient = ?", LocalDateTime.class, refused))
                .isAfter(LocalDateTime.now(ZoneOffset.UTC).plusSeconds(30)); // backs off a minute
        assertThat(data.mailCount(refused)).isZero();
    }

    @Test
    void aMailLeftSendingByANodeThatDiedIsSentByTheNextRound() {
        String to = TestData.uniqueEmail();
        LocalDateTime elevenMinutesAgo = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(11);
        data.jdbc()
                .update(
                        "insert into mail_queue (recipient, subject, body, state, attempts, not_before, created_at)"
                                + " values (?, 'Left behind', 'Body', 'SENDING', 1, ?, ?)",
                        to,
                        Timestamp.valueOf(elevenMinutesAgo),
                        Timestamp.valueOf(elevenMinutesAgo));
        sender.sendDue();
        assertThat(data.latestMailBody(to)).isEqualTo("Body");
        assertThat(queued(to).get("state")).isEqualTo("SENT");
    }

    @Test
    void aMailLeftSendingRecentlyIsNotSentTwiceMeanwhile() {
        String to = TestData.uniqueEmail();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        data.jdbc()
                .update(
                        "insert into mail_queue (recipient, subject, body, state, attempts, not_before, created_at)"
                                + " values (?, 'In flight', 'Body', 'SENDING', 1, ?, ?)",
                        to,
                        Timestamp.valueOf(now),
                        Timestamp.valueOf(now));
        sender.sendDue();
        assertThat(data.jdbc()
                        .queryForObject("select count(*) from outbox_mail where recipient = ?", Integer.class, to))
                .as("another node is still on it")
                .isZero();
        data.jdbc().update("update mail_queue set state = 'SENT' where recipient = ?", to);
    }
}
