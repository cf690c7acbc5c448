package org.cinely.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake Zencoder API v2 on the JDK's HTTP server: POST /api/v2/jobs, GET
 * /api/v2/jobs/{id}/progress.json and /api/v2/jobs/{id}.json, and the finished renditions
 * (playlist, init segment, one media segment) under /out/{height}/. The test moves the job
 * and each output from state to state.
 */
class FakeZencoder implements AutoCloseable {

    static final String API_KEY = "test-api-key";
    static final String JOB_ID = "4242";

    final HttpServer server;
    final List<String> createdJobs = new CopyOnWriteArrayList<>();
    final Map<String, String> outputStates = new ConcurrentHashMap<>();
    volatile String jobState = "waiting";
    volatile int progress = 0;

    FakeZencoder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/api/")
                && !API_KEY.equals(exchange.getRequestHeaders().getFirst("Zencoder-Api-Key"))) {
            send(exchange, 401, "{\"errors\":[\"bad key\"]}");
            return;
        }
        if ("POST".equals(method) && path.equals("/api/v2/jobs")) {
            createdJobs.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(
                    exchange,
                    201,
                    "{\"id\":" + JOB_ID + ",\"outputs\":[{\"id\":1,\"label\":\"360\"},{\"id\":2,\"label\":\"720\"}]}");
        } else if (path.equals("/api/v2/jobs/" + JOB_ID + "/progress.json")) {
            StringBuilder outputs = new StringBuilder();
            outputStates.forEach((label, state) -> outputs.append(outputs.isEmpty() ? "" : ",")
                    .append("{\"id\":1,\"label\":\"")
                    .append(label)
                    .append("\",\"state\":\"")
                    .append(state)
                    .append("\"}"));
            send(
                    exchange,
                    200,
                    "{\"state\":\"" + jobState + "\",\"progress\":" + progress + ",\"outputs\":[" + outputs + "]}");
        } else if (path.equals("/api/v2/jobs/" + JOB_ID + ".json")) {
            StringBuilder files = new StringBuilder();
            outputStates.forEach((label, state) -> files.append(files.isEmpty() ? "" : ",")
                    .append("{\"label\":\"")
                    .append(label)
                    .append("\",\"state\":\"")
                    .append(state)
                    .append("\",\"url\":\"")
                    .append(baseUrl())
                    .append("/out/")
                    .append(label)
                    .append("/index.m3u8\"}"));
            send(
                    exchange,
                    200,
                    "{\"job\":{\"id\":" + JOB_ID + ",\"state\":\"" + jobState + "\",\"output_media_files\":[" + files
                            + "],\"thumbnails\":[" + thumbnails() + "]}}");
        } else if (path.matches("/out/\\d+/index\\.m3u8")) {
            send(
                    exchange,
                    200,
                    "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-PLAYLIST-TYPE:VOD\n"
                            + "#EXT-X-MAP:URI=\"init-zen.mp4\"\n#EXTINF:2.0,\nsegment-0.m4s\n#EXT-X-ENDLIST\n");
        } else if (path.equals("/out/poster.jpg")) {
            send(exchange, 200, "poster bytes");
        } else if (path.matches("/out/\\d+/.+")) {
            send(exchange, 200, "bytes of " + path);
        } else {
            send(exchange, 404, "{}");
        }
    }

    /** The poster, once the job asked for one and has finished (as Zencoder lists thumbnails). */
    private String thumbnails() {
        boolean asked = createdJobs.stream().anyMatch(job -> job.contains("\"thumbnails\""));
        return asked && "finished".equals(jobState)
                ? "{\"group_label\":\"poster\",\"format\":\"jpg\",\"url\":\"" + baseUrl() + "/out/poster.jpg\"}"
                : "";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
