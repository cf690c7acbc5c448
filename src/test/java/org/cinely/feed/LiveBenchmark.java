package org.cinely.feed;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.cinely.CinelyApplication;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live delivery under load, over real HTTP: how long an event takes from its commit to an open
 * stream on the same node and on another node (which finds it in the database), and one node
 * holding 2,000 open streams while an event goes to all of them. Run with a 512 MB heap to check
 * the memory target (server and test client share that heap):
 *
 * <p>{@code ./mvnw -B -Pbenchmark verify -Dit.test=LiveBenchmark -Dbenchmark.argLine=-Xmx512m}
 */
@CinelyIntegrationTest
@TestPropertySource(properties = "cinely.rate-limits.enabled=false")
class LiveBenchmark {

    static final int EVENTS = Integer.getInteger("benchmark.events", 300);
    static final int STREAMS = Integer.getInteger("benchmark.streams", 2_000);

    @LocalServerPort
    int port;

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

    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * Reads one stream's bytes as they come, on the HTTP client's own threads (no thread per
     * stream), and notes when each marked event arrived.
     */
    final class Counting implements Flow.Subscriber<List<java.nio.ByteBuffer>> {
        final Map<String, Long> arrivals;
        final StringBuilder line = new StringBuilder();

        Counting(Map<String, Long> arrivals) {
            this.arrivals = arrivals;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    char c = (char) buffer.get();
                    if (c == '\n') {
                        String text = line.toString();
                        line.setLength(0);
                        if (text.startsWith("data:") && text.contains("\"m\":")) {
                            arrivals.merge(
                                    text.substring(text.indexOf("\"m\":") + 4).replaceAll("\\D", ""),
                                    System.nanoTime(),
                                    Math::min);
                            delivered.incrementAndGet();
                        }
                    } else {
                        line.append(c);
                    }
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }

    final AtomicInteger delivered = new AtomicInteger();

    void open(int onPort, String session, Map<String, Long> arrivals) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + "/live"))
                .header("Cookie", "SESSION=" + session)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        // ofPublisher: the response is back as soon as the headers are (the body never ends).
        HttpResponse<Flow.Publisher<List<java.nio.ByteBuffer>>> response =
                client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        if (response.statusCode() != 200) {
            throw new AssertionError("stream refused: " + response.statusCode());
        }
        response.body().subscribe(new Counting(arrivals));
    }

    String session(TestMembers.Member member) {
        HttpTestClient http = new HttpTestClient(port);
        http.logIn(member.email(), TestMembers.PASSWORD);
        return http.cookie("SESSION");
    }

    long[] latencies(TransactionTemplate raiseTx, LiveEvents raiseOn, MemberId member, Map<String, Long> arrivals)
            throws Exception {
        Map<String, Long> raised = new ConcurrentHashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            String marker = Integer.toString(i);
            raised.put(marker, System.nanoTime());
            raiseTx.executeWithoutResult(
                    s -> raiseOn.publish(List.of(member), LiveEvents.Kind.FEED, "{\"m\":" + marker + "}"));
            Thread.sleep(20);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.size() >= EVENTS);
        return raised.entrySet().stream()
                .mapToLong(e -> arrivals.get(e.getKey()) - e.getValue())
                .toArray();
    }

    @Test
    void deliveryLatencyAndTwoThousandOpenStreams() throws Exception {
        data.mark();
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        TestMembers.Member reader = members.create("Bench Reader");
        String session = session(reader);

        // 1. One node.
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        open(port, session, arrivals);
        Thread.sleep(500);
        long[] oneNode = latencies(tx, live, MemberId.of(reader.id()), arrivals);

        // 2. Two nodes: raised here, read by a browser connected to node B (default 250 ms poll).
        ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(CinelyApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--cinely.rate-limits.enabled=false");
        long[] twoNodes;
        try {
            int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
            Map<String, Long> onB = new ConcurrentHashMap<>();
            open(portB, session, onB);
            Thread.sleep(500);
            twoNodes = latencies(tx, live, MemberId.of(reader.id()), onB);
        } finally {
            nodeB.close();
        }

        // 3. 2,000 open streams on this node (100 members, 20 pages each), an event to all of them.
        int perMember = LiveController.PAGES_PER_MEMBER;
        List<MemberId> audience = new ArrayList<>();
        Map<String, Long> ignored = new ConcurrentHashMap<>();
        long heapBefore = usedHeapAfterGc();
        for (int m = 0; m < STREAMS / perMember; m++) {
            TestMembers.Member member = members.create("Bench Member " + m);
            audience.add(MemberId.of(member.id()));
            String memberSession = session(member);
            for (int p = 0; p < perMember; p++) {
                open(port, memberSession, ignored);
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hub.openPages() >= STREAMS + 1);
        long heapOpen = usedHeapAfterGc();
        long[] fanOut = new long[5];
        for (int round = 0; round < fanOut.length; round++) {
            delivered.set(0);
            int marker = 100_000 + round;
            long start = System.nanoTime();
            tx.executeWithoutResult(s -> live.publish(audience, LiveEvents.Kind.FEED, "{\"m\":" + marker + "}"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> delivered.get() >= STREAMS);
            fanOut[round] = System.nanoTime() - start;
            Thread.sleep(500);
        }
        long heapAfter = usedHeapAfterGc();

        System.out.println(
                "\n=== LiveBenchmark (max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB) ===");
        System.out.println(
                "event committed -> received on an open stream, same node:   " + FeedBenchmark.percentiles(oneNode));
        System.out.println(
                "event committed -> received on an open stream, other node:  " + FeedBenchmark.percentiles(twoNodes));
        System.out.println(STREAMS + " open streams; one event to all of them, until the last has it (5 rounds): "
                + FeedBenchmark.percentiles(fanOut));
        System.out.printf(
                "heap used after GC: %d MB before the streams, %d MB with %d open, %d MB after 5 rounds"
                        + " (server and test client in one JVM)%n",
                heapBefore / (1024 * 1024), heapOpen / (1024 * 1024), hub.openPages(), heapAfter / (1024 * 1024));
        data.cleanUp();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
