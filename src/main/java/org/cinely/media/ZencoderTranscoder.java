package org.cinely.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delegates transcoding to a Zencoder API v2 service (or anything speaking it): creates a job
 * with one segmented HLS output per rung plus a playlist, then learns its state from
 * {@code progress.json} and the job details, on a poll or when a notification arrives. The
 * notification is only a nudge: the state always comes from the API, so a duplicate, forged or
 * out-of-order notification changes nothing by itself. Finished renditions are copied into our
 * store as they complete, so the lowest one plays first. One class because it is one adapter
 * of one documented API (requests, polling, signed source links).
 */
class ZencoderTranscoder implements Transcoder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MediaProperties.Zencoder settings;
    private final MediaStore store;
    private final HttpClient http;

    ZencoderTranscoder(MediaProperties.Zencoder settings, MediaStore store) {
        this.settings = settings;
        this.store = store;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String name() {
        return "zencoder";
    }

    /** Signed source links work this long: the service fetches the source as the job starts. */
    static final Duration SOURCE_LINK_LIFETIME = Duration.ofMinutes(15);

    /**
     * A secret shorter than this is no secret: the notification URL and every source link's
     * signature depend on it (without one, anyone could sign a link to any member's source).
     */
    static final int MIN_SECRET_LENGTH = 16;

    @Override
    public boolean available() {
        return whyUnavailable() == null;
    }

    @Override
    public String whyUnavailable() {
        if (settings.apiKey() == null || settings.apiKey().isBlank() || settings.baseUrl() == null) {
            return "CINELY_ZENCODER_API_KEY is not set: uploads are kept and wait for the transcoder.";
        }
        if (notificationSecret().length() < MIN_SECRET_LENGTH) {
            return "CINELY_ZENCODER_SECRET is missing or shorter than " + MIN_SECRET_LENGTH
                    + " characters: without it source downloads and notifications could be forged, so the"
                    + " Zencoder transcoder stays off and uploads wait.";
        }
        return null;
    }

    @Override
    public boolean local() {
        return false;
    }

    /** The secret proving a request comes from the transcoder (in the notification URL). */
    String notificationSecret() {
        return settings.notificationSecret() == null ? "" : settings.notificationSecret();
    }

    /**
     * The signature of a source download link handed to the service (no log-in needed): keyed on
     * the secret, over the asset and the moment the link stops working. Never made without a
     * secret (the adapter is then unavailable).
     */
    String sourceSignature(long assetId, long expiresEpochSecond) {
        if (notificationSecret().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("No Zencoder secret: source links cannot be signed");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    ("source:" + notificationSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = (assetId + ":" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(mac.doFinal(signed));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source link for the service: {@code /media/transcoder/source/{asset}/{expires}/{signature}}. */
    String sourceLink(String base, long assetId, java.time.Instant now) {
        long expires = now.plus(SOURCE_LINK_LIFETIME).getEpochSecond();
        return base + "/media/transcoder/source/" + assetId + "/" + expires + "/" + sourceSignature(assetId, expires);
    }

    @Override
    public Outcome run(Task task, Sink sink) throws IOException, UnavailableException {
        String base = settings.publicBaseUrl().replaceAll("/+$", "");
        ObjectNode job = JSON.createObjectNode();
        job.put("input", sourceLink(base, task.assetId(), java.time.Instant.now()));
        job.putArray("notifications")
                .addObject()
                .put("url", base + "/media/transcoder/zencoder/" + notificationSecret());
        ArrayNode outputs = job.putArray("outputs");
        int gopSeconds = 2;
        boolean first = true;
        for (Ladder.Rung rung : task.ladder()) {
            ObjectNode output = outputs.addObject();
            if (first) {
                // The poster: one frame from the lowest rung, kept on Zencoder's own storage until
                // the job's details list its URL and the poll copies it into ours.
                output.putArray("thumbnails")
                        .addObject()
                        .put("label", "poster")
                        .put("number", 1)
                        .put("format", "jpg");
                first = false;
            }
            output.put("label", Integer.toString(rung.height()))
                    .put("type", "segmented")
                    .put("streaming_delivery_format", "hls")
                    .put("format", "mp4")
                    .put("video_codec", "h264")
                    .put("audio_codec", "aac")
                    .put("height", rung.height())
                    .put("upscale", false)
                    .put("video_bitrate", rung.videoKbps())
                    .put("audio_bitrate", 128)
                    .put("keyframe_interval", (int) Math.round(task.probe().fps() * gopSeconds))
                    .put("segment_seconds", 4);
        }
        ObjectNode playlist = outputs.addObject().put("label", "master").put("type", "playlist");
        ArrayNode streams = playlist.putArray("streams");
        for (Ladder.Rung rung : task.ladder()) {
            streams.addObject()
                    .put("path", rung.height() + "/index.m3u8")
                    .put("bandwidth", rung.bandwidth(task.probe().hasAudio()) / 1000);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/v2/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(job))));
        if (response.statusCode() >= 500) {
            throw new UnavailableException("Zencoder answered " + response.statusCode(), null);
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            return new Failed("transcoder-refused", false);
        }
        String id = JSON.readTree(response.body()).path("id").asString("");
        if (id.isEmpty()) {
            return new Failed("transcoder-refused", false);
        }
        return new Submitted(id);
    }

    @Override
    public Outcome poll(String externalId, Task task, Sink sink) throws IOException, UnavailableException {
        HttpResponse<String> progress =
                send(HttpRequest.newBuilder(api("/api/v2/jobs/" + externalId + "/progress.json"))
                        .GET());
        if (progress.statusCode() >= 500) {
            throw new UnavailableException("Zencoder answered " + progress.statusCode(), null);
        }
        if (progress.statusCode() == 404) {
            return new Failed("transcode-failed", true);
        }
        JsonNode state = JSON.readTree(progress.body());
        String jobState = state.path("state").asString("");
        if ("failed".equals(jobState) || "cancelled".equals(jobState)) {
            return new Failed("transcode-failed", true);
        }
        boolean anyOutputFinished = false;
        for (JsonNode output : state.path("outputs")) {
            anyOutputFinished |= "finished".equals(output.path("state").asString(""));
        }
        if (anyOutputFinished || "finished".equals(jobState)) {
            boolean all = copyFinishedOutputs(externalId, task, sink);
            if ("finished".equals(jobState) && all) {
                sink.progress(100);
                return new Done();
            }
        }
        int percent = (int) Math.min(99, Math.round(state.path("progress").asDouble(0)));
        return new Working(percent);
    }

    /** Copies each finished rendition not stored yet, lowest first; true when all are stored. */
    private boolean copyFinishedOutputs(String externalId, Task task, Sink sink)
            throws IOException, UnavailableException {
        HttpResponse<String> details = send(HttpRequest.newBuilder(api("/api/v2/jobs/" + externalId + ".json"))
                .GET());
        if (details.statusCode() != 200) {
            throw new UnavailableException("Zencoder answered " + details.statusCode(), null);
        }
        JsonNode job = JSON.readTree(details.body()).path("job");
        Set<Integer> stored = new HashSet<>(task.alreadyDone());
        List<JsonNode> files = new ArrayList<>();
        job.path("output_media_files").forEach(files::add);
        files.sort(
                Comparator.comparingInt(file -> parseHeight(file.path("label").asString(""))));
        for (JsonNode file : files) {
            int height = parseHeight(file.path("label").asString(""));
            if (height <= 0
                    || stored.contains(height)
                    || !"finished".equals(file.path("state").asString(""))) {
                continue;
            }
            Ladder.Rung rung = task.ladder().stream()
                    .filter(r -> r.height() == height)
                    .findFirst()
                    .orElse(null);
            if (rung == null) {
                continue;
            }
            long bytes = copyRendition(URI.create(file.path("url").asString()), task.outputPrefix() + height + "/");
            sink.renditionReady(rung, bytes);
            stored.add(height);
        }
        JsonNode thumbnail = job.path("thumbnails").path(0);
        if (thumbnail.has("url")) {
            copy(URI.create(thumbnail.path("url").asString()), task.outputPrefix() + "poster.jpg");
            sink.posterReady(task.outputPrefix() + "poster.jpg");
        }
        return task.ladder().stream().allMatch(rung -> stored.contains(rung.height()));
    }

    /** Copies a rendition's playlist, init segment and media segments into our store. */
    private long copyRendition(URI playlistUri, String prefix) throws IOException, UnavailableException {
        HttpResponse<String> playlist = send(HttpRequest.newBuilder(playlistUri).GET());
        if (playlist.statusCode() != 200) {
            throw new UnavailableException("Could not fetch " + playlistUri + ": " + playlist.statusCode(), null);
        }
        long bytes = 0;
        StringBuilder rewritten = new StringBuilder();
        int segment = 0;
        for (String line : playlist.body().split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#EXT-X-MAP:")) {
                String uri = trimmed.replaceAll(".*URI=\"([^\"]+)\".*", "$1");
                bytes += copy(playlistUri.resolve(uri), prefix + "init.mp4");
                rewritten.append("#EXT-X-MAP:URI=\"init.mp4\"\n");
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String name = String.format("seg_%05d.m4s", segment++);
                bytes += copy(playlistUri.resolve(trimmed), prefix + name);
                rewritten.append(name).append('\n');
            } else {
                rewritten.append(line).append('\n');
            }
        }
        byte[] index = rewritten.toString().getBytes(StandardCharsets.UTF_8);
        store.put(prefix + "index.m3u8", index, "application/vnd.apple.mpegurl");
        return bytes + index.length;
    }

    private long copy(URI from, String key) throws IOException, UnavailableException {
        Path tmp = Files.createTempFile("cinely-zencoder", ".part");
        try {
            HttpResponse<InputStream> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(from)
                                .timeout(Duration.ofMinutes(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted", e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UnavailableException("Could not fetch " + from + ": " + response.statusCode(), null);
                }
                Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            store.put(key, tmp, MediaStore.contentTypeOf(key));
            return Files.size(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int parseHeight(String label) {
        try {
            return Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private URI api(String path) {
        return URI.create(settings.baseUrl().replaceAll("/+$", "") + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, UnavailableException {
        try {
            return http.send(
                    request.header("Zencoder-Api-Key", settings.apiKey())
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new UnavailableException("Zencoder is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
