package org.cinely.test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cinely.platform.security.RateLimiter;
import org.hamcrest.Matchers;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets each test clean up after itself on the shared database: {@link #mark()} before, {@link
 * #cleanUp()} after removes every account created in between, each module removing its own rows
 * of them ({@link ModuleTestData}), and the mail sent in between.
 */
@TestComponent
public class TestData {

    private final JdbcTemplate jdbc;
    private final RateLimiter rateLimiter;
    private final List<ModuleTestData> modules;
    private long accountMark;
    private long mailMark;
    private long mailQueueMark;

    TestData(JdbcTemplate jdbc, RateLimiter rateLimiter, List<ModuleTestData> modules) {
        this.jdbc = jdbc;
        this.rateLimiter = rateLimiter;
        this.modules = modules; // in their @Order: dependents first, accounts last
    }

    public void mark() {
        accountMark = maxId("accounts");
        mailMark = maxId("outbox_mail");
        mailQueueMark = maxId("mail_queue");
        rateLimiter.reset();
    }

    public void cleanUp() {
        awaitEventListeners();
        awaitMailSent();
        List<String> emails = jdbc.queryForList("select email from accounts where id > ?", String.class, accountMark);
        for (String email : emails) {
            jdbc.update("delete from SPRING_SESSION where PRINCIPAL_NAME = ?", email);
        }
        for (ModuleTestData module : modules) {
            module.removeMembersAfter(accountMark);
        }
        jdbc.update("delete from outbox_mail where id > ?", mailMark);
        jdbc.update("delete from mail_queue where id > ?", mailQueueMark);
        rateLimiter.reset();
    }

    /** A unique address per call, so tests never collide with each other's accounts. */
    public static String uniqueEmail() {
        return "member-" + UUID.randomUUID().toString().substring(0, 12) + "@test.cinely.local";
    }

    public static String uniqueHandle() {
        return "m-" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    /** The newest mail sent to an address (the dev outbox keeps it). */
    public String latestMailBody(String email) {
        awaitEventListeners(); // some mail (a reset link) is queued after the request was answered
        awaitMailSent();
        List<String> bodies = jdbc.queryForList(
                "select body from outbox_mail where recipient = ? order by id desc limit 1", String.class, email);
        if (bodies.isEmpty()) {
            throw new AssertionError("No mail was sent to " + email);
        }
        return bodies.get(0);
    }

    public int mailCount(String email) {
        awaitEventListeners();
        awaitMailSent();
        return jdbc.queryForObject("select count(*) from outbox_mail where recipient = ?", Integer.class, email);
    }

    /** The link (first URL) in the newest mail to that address, as a path plus query. */
    public String latestLinkPath(String email) {
        String body = latestMailBody(email);
        var matcher =
                java.util.regex.Pattern.compile("https?://[^/\\s]+(/\\S+)").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link in the mail to " + email + ":\n" + body);
        }
        return matcher.group(1);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    private long maxId(String table) {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        return max == null ? 0 : max;
    }

    /**
     * Waits until the mail outbox has sent everything due (it sends right after each commit), so
     * the dev outbox holds every mail queued so far. Fails loudly after 10 s.
     */
    public void awaitMailSent() {
        Awaitility.await("every queued mail sent")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> jdbc.queryForList(
                                "select concat(id, ' to ', recipient, ': ', state) from mail_queue"
                                        + " where state = 'SENDING' or (state = 'QUEUED' and attempts = 0)",
                                String.class),
                        Matchers.empty());
    }

    /**
     * Waits until every published event has been handled by its listeners (they run after commit,
     * asynchronously), so a test reads their effects and cleans up after them. Fails loudly when
     * an event is still unhandled after 10 s: a listener that threw or hangs is a bug to see.
     */
    public void awaitEventListeners() {
        Awaitility.await("every event handled by its listeners")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> jdbc.queryForList(
                                "select concat(LISTENER_ID, ' <- ', EVENT_TYPE) from EVENT_PUBLICATION"
                                        + " where COMPLETION_DATE is null",
                                String.class),
                        Matchers.empty()); // on time-out, the message lists the events still open
    }
}
