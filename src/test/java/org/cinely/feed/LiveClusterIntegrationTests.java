package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.cinely.CinelyApplication;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several app nodes on one database, in this JVM: an event raised on one node reaches a browser
 * connected to another. Through the database alone (this test's node and node B poll it), and
 * through Redis pub/sub (nodes C and D poll only once a minute, so an event that arrives within a
 * second came by Redis). Needs Debian's redis-server (installed by .ci/run).
 */
// A stream that never answers fails the test in time instead of hanging the build.
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
@CinelyIntegrationTest
class LiveClusterIntegrationTests {

    static Process redis;
    static int redisPort;
    static ConfigurableApplicationContext nodeB;
    static ConfigurableApplicationContext nodeC;
    static ConfigurableApplicationContext nodeD;

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LiveEvents live;

    @Autowired
    LiveHub ownHub;

    @Autowired
    TransactionTemplate tx;

    TestMembers.Member member;
    String session;

    @BeforeAll
    static void startRedis() throws Exception {
        Path server = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(server)) {
            throw new AssertionError("redis-server is missing: apt-get install redis-server (.ci/run does)");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = new ProcessBuilder(
                        server.toString(),
                        "--port",
                        Integer.toString(redisPort),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--bind",
                        "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Awaitility.await("redis-server up")
                .atMost(Duration.ofSeconds(10))
                .until(LiveClusterIntegrationTests::redisAnswers);
    }

    private static boolean redisAnswers() {
        try (Socket socket = new Socket("127.0.0.1", redisPort)) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            return socket.getInputStream().read(reply) > 0
                    && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Another node of the site: same database, its own port, poll interval and Redis setting. */
    private static ConfigurableApplicationContext node(String pollInterval, boolean withRedis) {
        // As command-line arguments: they outrank application.yaml (server.port there).
        return new SpringApplicationBuilder(CinelyApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--cinely.live.poll-interval=" + pollInterval,
                        "--cinely.live.redis-url=" + (withRedis ? "redis://127.0.0.1:" + redisPort : ""));
    }

    @BeforeEach
    void setUp() throws Exception {
        if (nodeB == null) {
            // The test's own context is up (it started the shared database): start the others beside
            // it, one after another (Spring Boot's logging set-up is not safe to run in parallel).
            nodeB = node("PT0.25S", false);
            nodeC = node("PT60S", true);
            nodeD = node("PT60S", true);
        }
        data.mark();
        member = new TestMembers(data.jdbc(), encoder).create("Cluster Reader");
        HttpTestClient client = new HttpTestClient(port);
        client.logIn(member.email(), TestMembers.PASSWORD);
        session = client.cookie("SESSION"); // sessions live in the database: valid on every node
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeC, nodeD}) {
            if (node != null) {
                node.close();
            }
        }
        nodeB = null;
        nodeC = null;
        nodeD = null;
        if (redis != null) {
            redis.destroy();
        }
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    /** Waits until the node serving that port holds the member's stream. */
    void awaitStreamOpen(int streamPort) {
        LiveHub hub = java.util.stream.Stream.of(nodeB, nodeC, nodeD)
                .filter(node -> port(node) == streamPort)
                .map(node -> node.getBean(LiveHub.class))
                .findFirst()
                .orElse(ownHub);
        Awaitility.await("the live stream registered on the node at port " + streamPort)
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> hub.openPages(MemberId.of(member.id())) > 0);
    }

    /** Raises a live event for the member on a node, as its listeners would, and times its arrival. */
    Duration deliver(ConfigurableApplicationContext raisedOn, int streamPort, String marker) throws Exception {
        try (LiveStream stream = LiveStream.open(streamPort, session, null, null)) {
            assertThat(stream.status).isEqualTo(200);
            awaitStreamOpen(streamPort); // the stream is registered before anything is raised
            LiveEvents events = raisedOn.getBean(LiveEvents.class);
            TransactionTemplate transaction = raisedOn.getBean(TransactionTemplate.class);
            long raised = System.nanoTime();
            transaction.executeWithoutResult(s -> events.publish(
                    List.of(MemberId.of(member.id())),
                    LiveEvents.Kind.NOTIFICATIONS,
                    "{\"marker\":\"" + marker + "\"}"));
            LiveStream.Event event = stream.next("notifications", Duration.ofSeconds(5));
            assertThat(event).as("event raised on one node reaches the other").isNotNull();
            assertThat(event.data()).contains(marker);
            return Duration.ofNanos(event.receivedNanos() - raised);
        }
    }

    @Test
    void throughTheDatabaseBothWays() throws Exception {
        ConfigurableApplicationContext self = (ConfigurableApplicationContext) nodeContext();
        assertThat(deliver(self, port(nodeB), "a-to-b")).isLessThan(Duration.ofSeconds(2));
        assertThat(deliver(nodeB, port, "b-to-a")).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void throughRedisBothWays() throws Exception {
        assertThat(nodeC.getBean(RedisNudges.class).enabled()).isTrue();
        // C and D read the database only once a minute: arriving within a second means Redis.
        assertThat(deliver(nodeC, port(nodeD), "c-to-d")).isLessThan(Duration.ofSeconds(1));
        assertThat(deliver(nodeD, port(nodeC), "d-to-c")).isLessThan(Duration.ofSeconds(1));
    }

    /**
     * Moderation on one node reaches a session served by another at once: a suspension ends it, a
     * granted role applies to it (sessions are rows in the shared database, read on every request).
     */
    @Test
    void aRoleChangeAndASuspensionOnOneNodeReachTheSessionOnAnother() {
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        TestMembers.Member admin = members.create("Cluster Admin");
        data.jdbc().update("update accounts set role = 'ADMIN' where id = ?", admin.id());
        HttpTestClient adminOnA = new HttpTestClient(port);
        adminOnA.logIn(admin.email(), TestMembers.PASSWORD);
        HttpTestClient memberOnB = new HttpTestClient(port(nodeB));
        memberOnB.logIn(member.email(), TestMembers.PASSWORD);
        assertThat(memberOnB.get("/admin/reports").statusCode()).isEqualTo(403);

        String page = "/admin/members/" + member.id();
        adminOnA.submit(page, page + "/role", java.util.Map.of("role", "MODERATOR"));
        assertThat(memberOnB.get("/admin/reports").statusCode())
                .as("the role reached node B")
                .isEqualTo(200);
        adminOnA.submit(page, page + "/role", java.util.Map.of("role", "MEMBER"));

        adminOnA.submit(
                page,
                page + "/decide",
                java.util.Map.of("action", "SUSPEND", "rule", "SPAM", "reason", "spam", "statement", "Spam."));
        assertThat(memberOnB.get("/settings").statusCode())
                .as("node B's session ended")
                .isEqualTo(302);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private org.springframework.context.ApplicationContext nodeContext() {
        return context;
    }
}
