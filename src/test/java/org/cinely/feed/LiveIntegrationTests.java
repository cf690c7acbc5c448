package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * /live over real HTTP on the running server: an event reaches an open stream, a reconnect with
 * Last-Event-ID gets exactly what it missed, bad ids are refused with a 4xx, and a client that
 * never reads is dropped without holding up anyone else.
 */
// A stream that never answers fails the test in time instead of hanging the build.
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
@CinelyIntegrationTest
class LiveIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LiveEvents live;

    @Autowired
    LiveHub hub;

    @Autowired
    TransactionTemplate tx;

    TestMembers members;
    TestMembers.Member reader;
    TestMembers.Member asker;
    String session;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        reader = members.create("Live Reader");
        asker = members.create("Live Asker");
        session = sessionOf(reader);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    String sessionOf(TestMembers.Member member) {
        HttpTestClient client = new HttpTestClient(port);
        client.logIn(member.email(), TestMembers.PASSWORD);
        return client.cookie("SESSION");
    }

    void ask(TestMembers.Member from) throws Exception {
        mvc.perform(post("/connections/requests")
                        .with(user(from.principal()))
                        .with(csrf())
                        .param("handle", reader.handle()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aNotificationReachesTheOpenPageAndAReconnectGetsExactlyWhatItMissed() throws Exception {
        LiveStream.Event first;
        try (LiveStream stream = LiveStream.open(port, session, null, null)) {
            assertThat(stream.status).isEqualTo(200);
            ask(asker);
            first = stream.next("notifications", Duration.ofSeconds(5));
            assertThat(first).isNotNull();
            assertThat(first.data()).isEqualTo("{\"unread\":1}");
        }
        // While the page is away, another request comes in.
        ask(members.create("Second Asker"));
        data.awaitEventListeners();

        try (LiveStream again = LiveStream.open(port, session, null, Long.toString(first.id()))) {
            LiveStream.Event missed = again.next("notifications", Duration.ofSeconds(5));
            assertThat(missed).isNotNull();
            assertThat(missed.id()).isGreaterThan(first.id());
            assertThat(missed.data()).isEqualTo("{\"unread\":2}");
            assertThat(again.next("notifications", Duration.ofMillis(700)))
                    .as("nothing repeated")
                    .isNull();
        }
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Test
    void aWorksTranscodeProgressReachesItsOwnersOpenPage() throws Exception {
        String location = mvc.perform(post("/works")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .param("title", "Progressing")
                        .param("type", "SHORT")
                        .param("credits", "")
                        .param("visibility", "PUBLIC"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long work = Long.parseLong(location.replaceAll("\\D", ""));
        try (LiveStream stream = LiveStream.open(port, session, null, null)) {
            // As the transcode worker announces a step of the video's progress.
            publisher.publishEvent(new org.cinely.media.MediaProgressed(
                    77L, MemberId.of(reader.id()), "work:" + work, org.cinely.media.MediaState.TRANSCODING, 40));
            LiveStream.Event progress = stream.next("transcode", Duration.ofSeconds(5));
            assertThat(progress).isNotNull();
            assertThat(progress.data()).isEqualTo("{\"work\":" + work + ",\"state\":\"TRANSCODING\",\"progress\":40}");
        }
    }

    /** The test framework pauses an idle context (stops its lifecycle beans) and starts it again. */
    @Test
    void aMemberAtTheCapOfOpenPagesGetsTheNewPageAndTheOldestMakesWay() throws Exception {
        List<LiveStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < LiveController.PAGES_PER_MEMBER; i++) {
                LiveStream stream = LiveStream.open(port, session, null, null);
                assertThat(stream.status).isEqualTo(200);
                streams.add(stream);
            }
            // Quick clicks: the pages they left are still registered. The next page still gets its stream.
            LiveStream newest = LiveStream.open(port, session, null, null);
            streams.add(newest);
            assertThat(newest.status).isEqualTo(200);
            Awaitility.await("the oldest stream ended")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> streams.get(0).ended());
            assertThat(hub.openPages(MemberId.of(reader.id()))).isEqualTo(LiveController.PAGES_PER_MEMBER);
            assertThat(streams.subList(1, streams.size())).noneMatch(LiveStream::ended);
        } finally {
            for (LiveStream stream : streams) {
                stream.close();
            }
        }
    }

    @Test
    void streamsWorkAfterTheHubIsStoppedAndStartedAgain() throws Exception {
        hub.stop();
        hub.start();
        try (LiveStream stream = LiveStream.open(port, session, null, null)) {
            assertThat(stream.status).isEqualTo(200);
            ask(asker);
            assertThat(stream.next("notifications", Duration.ofSeconds(5))).isNotNull();
        }
    }

    /**
     * A page's stream starts where this node's hub has read to (no query per page), and never after
     * an event that had not committed yet: one that commits late, after a newer one, is replayed.
     */
    @Test
    void aPageStartsItsStreamBeforeAnEventStillCommittingSoNothingIsMissed() throws Exception {
        HttpTestClient browser = new HttpTestClient(port);
        browser.logIn(reader.email(), TestMembers.PASSWORD);
        MemberId readerId = MemberId.of(reader.id());
        tx.executeWithoutResult(s -> live.publish(List.of(readerId), LiveEvents.Kind.FEED, "{}"));
        long before = live.maxId();
        Awaitility.await("a page starts after what the hub has read")
                .atMost(Duration.ofSeconds(5))
                .until(() -> liveSince(browser) == before);

        // One transaction takes an id and holds it open; a later one commits first.
        AtomicLong held = new AtomicLong();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread slow = new Thread(() -> tx.executeWithoutResult(s -> {
            live.publish(List.of(readerId), LiveEvents.Kind.NOTIFICATIONS, "{\"unread\":1}");
            held.set(live.maxId());
            inserted.countDown();
            try {
                commit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        long since;
        try (LiveStream open = LiveStream.open(port, session, "?since=" + before, null)) {
            slow.start();
            assertThat(inserted.await(5, TimeUnit.SECONDS)).isTrue();
            tx.executeWithoutResult(
                    s -> live.publish(List.of(readerId), LiveEvents.Kind.NOTIFICATIONS, "{\"unread\":2}"));
            assertThat(open.next("notifications", Duration.ofSeconds(5)).data())
                    .as("the hub has read the later event")
                    .isEqualTo("{\"unread\":2}");
            since = liveSince(browser);
            assertThat(since)
                    .as("a page rendered now starts before the held id")
                    .isLessThan(held.get());
        } finally {
            commit.countDown();
            slow.join(10_000);
        }
        try (LiveStream page = LiveStream.open(port, session, "?since=" + since, null)) {
            assertThat(page.next("notifications", Duration.ofSeconds(5)).data()).isEqualTo("{\"unread\":1}");
            assertThat(page.next("notifications", Duration.ofSeconds(5)).data()).isEqualTo("{\"unread\":2}");
        }
        long newest = live.maxId();
        Awaitility.await("once the held event is read, pages start after it again")
                .atMost(Duration.ofSeconds(10))
                .until(() -> liveSince(browser) == newest);
    }

    /**
     * The newest rows can go (an erased member's): a page rendered before or after that still
     * opens its stream from the id it was given, and gets what comes next.
     */
    @Test
    void aPageStartsItsStreamEvenWhenTheNewestRowsAreGone() throws Exception {
        HttpTestClient browser = new HttpTestClient(port);
        browser.logIn(reader.email(), TestMembers.PASSWORD);
        TestMembers.Member leaving = members.create("Leaving Member");
        tx.executeWithoutResult(s -> live.publish(List.of(MemberId.of(leaving.id())), LiveEvents.Kind.FEED, "{}"));
        long newest = live.maxId();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> liveSince(browser) == newest);
        data.jdbc().update("delete from live_events where member_id = ?", leaving.id());
        long since = liveSince(browser);
        assertThat(since).isGreaterThan(live.maxId());

        try (LiveStream page = LiveStream.open(port, session, "?since=" + since, null)) {
            assertThat(page.status).isEqualTo(200);
            ask(asker);
            assertThat(page.next("notifications", Duration.ofSeconds(5)).data()).isEqualTo("{\"unread\":1}");
        }
    }

    /** The live-event id a signed-in page (its body's data-live-since) starts its stream from. */
    private static long liveSince(HttpTestClient browser) {
        java.util.regex.Matcher since = java.util.regex.Pattern.compile("data-live-since=\"(\\d+)\"")
                .matcher(browser.get("/settings").body());
        assertThat(since.find()).as("the page names where its stream starts").isTrue();
        return Long.parseLong(since.group(1));
    }

    @Test
    void forgedAndStaleIdsAreRefusedAndVisitorsGetNoStream() throws Exception {
        try (LiveStream forged = LiveStream.open(port, session, null, "not-a-number")) {
            assertThat(forged.status).isEqualTo(400);
        }
        try (LiveStream future =
                LiveStream.open(port, session, "?since=" + (Math.max(live.maxId(), hub.pageStart()) + 1000), null)) {
            assertThat(future.status).isEqualTo(400);
        }
        tx.executeWithoutResult(s -> live.publish(List.of(MemberId.of(reader.id())), LiveEvents.Kind.FEED, "{}"));
        tx.executeWithoutResult(s -> live.publish(List.of(MemberId.of(reader.id())), LiveEvents.Kind.FEED, "{}"));
        long newest = live.maxId();
        data.jdbc().update("delete from live_events where id < ?", newest);
        try (LiveStream stale = LiveStream.open(port, session, null, Long.toString(newest - 5))) {
            assertThat(stale.status).isEqualTo(410);
        }
        try (LiveStream anonymous = LiveStream.open(port, "no-such-session", null, null)) {
            assertThat(anonymous.status).isNotEqualTo(200);
        }
    }

    @Test
    void aClientThatNeverReadsIsDroppedWithoutSlowingOthers() throws Exception {
        TestMembers.Member other = members.create("Other Reader");
        try (LiveStream stuck = LiveStream.openUnread(port, session);
                LiveStream healthy = LiveStream.open(port, sessionOf(other), null, null)) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hub.openPages(MemberId.of(reader.id())) == 1);
            String big = "{\"pad\":\"" + String.join("", Collections.nCopies(1900, "x")) + "\"}";
            for (int round = 0; round < 20; round++) {
                tx.executeWithoutResult(s -> {
                    for (int i = 0; i < 200; i++) {
                        live.publish(List.of(MemberId.of(reader.id())), LiveEvents.Kind.FEED, big);
                    }
                });
            }
            long sent = System.nanoTime();
            tx.executeWithoutResult(s -> live.publish(List.of(MemberId.of(other.id())), LiveEvents.Kind.FEED, "{}"));
            LiveStream.Event arrived = healthy.next("feed", Duration.ofSeconds(3));
            assertThat(arrived).as("the other page still gets its event").isNotNull();
            assertThat(Duration.ofNanos(arrived.receivedNanos() - sent)).isLessThan(Duration.ofSeconds(2));
            Awaitility.await("the stuck page dropped")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> hub.openPages(MemberId.of(reader.id())) == 0);
        }
    }
}
