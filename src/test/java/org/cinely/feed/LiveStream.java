package org.cinely.feed;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test's view of /live as a browser's EventSource sees it: parsed events, in order. */
final class LiveStream implements AutoCloseable {

    record Event(long id, String name, String data, long receivedNanos) {}

    /**
     * A client of its own per stream, on HTTP/1.1 (no h2c upgrade attempt): a stream closed
     * mid-body must never leave a connection another stream could be handed.
     */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Headers within seconds, or the test fails (rather than hang the build). */
    private static HttpResponse<InputStream> send(HttpRequest request) throws Exception {
        try {
            return client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // What the servers were doing, for whoever reads the failure.
            StringBuilder dump = new StringBuilder("No headers from " + request.uri() + " within 15 s. Threads:\n");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append('"')
                        .append(thread.getName())
                        .append("\" ")
                        .append(thread.getState())
                        .append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            System.out.println(dump);
            throw new AssertionError("No headers from " + request.uri() + " within 15 s", e);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    final int status;

    private LiveStream(HttpResponse<InputStream> response, boolean read) {
        this.status = response.statusCode();
        this.body = response.body();
        if (status == 200 && read) {
            Thread reader = new Thread(this::read, "live-stream-test");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens the stream as the member with this session; {@code lastEventId} as a reconnect sends it. */
    static LiveStream open(int port, String session, String query, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/live" + (query == null ? "" : query)))
                .header("Accept", "text/event-stream")
                .header("Cookie", "SESSION=" + session);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new LiveStream(send(request.GET().build()), true);
    }

    /** A page that opens the stream and then never reads a byte of it. */
    static LiveStream openUnread(int port, String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/live"))
                .header("Accept", "text/event-stream")
                .header("Cookie", "SESSION=" + session)
                .GET()
                .build();
        return new LiveStream(send(request), false);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            long id = -1;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    }
                    id = -1;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (Exception closed) {
            // the test closed the stream, or the server dropped it
        }
        ended = true;
    }

    private volatile boolean ended;

    /** Whether the server ended the stream (or the test closed it). */
    boolean ended() {
        return ended;
    }

    /** The next event, or null when none comes in time. */
    Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event of this name, skipping others; null when none comes in time. */
    Event next(String name, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        body.close();
    }
}
