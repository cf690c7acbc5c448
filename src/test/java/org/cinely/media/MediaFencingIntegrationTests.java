package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.media.TusUploader.patch;
import static org.cinely.media.TusUploader.sha256;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.cinely.accounts.AccountsTestData;
import org.cinely.platform.MemberId;
import org.cinely.test.HttpTestClient;
import org.cinely.test.OwnDatabase;
import org.cinely.test.TestData;
import org.cinely.works.WorksTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fencing of transcode jobs and uploads, with the site's own ffmpeg on a database of the test's
 * own (the app's worker is idle, so the test's workers are the only ones): a worker paused past
 * the abandonment time while another node took its job stops at once when it wakes and changes
 * nothing; a work deleted mid-transcode leaves no file behind; a PATCH overlapping one still
 * arriving is refused with 409 and the upload stays intact.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MediaFencingIntegrationTests {

    static OwnDatabase db;
    static ConfigurableApplicationContext app;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        clip = WorksTestAccess.clip(1280, 720, 12);
        db = OwnDatabase.start("media-fencing-db");
        app = db.app("--cinely.media.poll-interval=PT1H"); // the app's own worker never claims
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.stop();
        }
    }

    static JdbcTemplate jdbc() {
        return app.getBean(JdbcTemplate.class);
    }

    static long queuedAsset() throws Exception {
        long owner = new AccountsTestData(jdbc())
                .create(TestData.uniqueEmail(), TestData.uniqueHandle(), "Fenced Owner", "{noop}x", true);
        MediaAssets assets = app.getBean(MediaAssets.class);
        long assetId = assets.create(MemberId.of(owner), "test:fencing", "f" + System.nanoTime(), 1000, "clip.mp4");
        String source = Asset.prefix(assetId) + "source";
        app.getBean(MediaStore.class).put(source, clip, "application/octet-stream");
        assets.uploaded(assetId, source, Files.size(clip));
        assets.probed(assetId, 12_000, 1280, 720, "h264", true, 30);
        app.getBean(TranscodeJobs.class).enqueue(assetId);
        return assetId;
    }

    /** A worker of another node on the app's beans, running jobs through {@code transcoder}. */
    static TranscodeWorker worker(Transcoder transcoder) {
        return new TranscodeWorker(
                app.getBean(TranscodeJobs.class),
                app.getBean(MediaAssets.class),
                app.getBean(MediaStore.class),
                transcoder,
                app.getBean(Ffprobe.class),
                app,
                app.getBean(TransactionTemplate.class),
                Clock.systemUTC(),
                app.getBean(MediaProperties.class));
    }

    /** The site's ffmpeg transcoder, whose run freezes at its first progress report until released. */
    static final class Freezing implements Transcoder {
        final Transcoder real = app.getBean(Transcoder.class);
        final CountDownLatch frozen = new CountDownLatch(1);
        final CountDownLatch thaw = new CountDownLatch(1);
        final AtomicInteger renditionsAfterThaw = new AtomicInteger();

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public boolean available() {
            return real.available();
        }

        @Override
        public boolean local() {
            return true;
        }

        @Override
        public Outcome run(Task task, Sink sink) throws IOException, UnavailableException {
            return real.run(task, new Sink() {
                @Override
                public void progress(int percent) {
                    if (frozen.getCount() > 0) {
                        frozen.countDown();
                        try {
                            thaw.await(); // as a stopped process or a long GC pause: nothing runs
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    sink.progress(percent);
                }

                @Override
                public void renditionReady(Ladder.Rung rung, long bytes) throws IOException {
                    renditionsAfterThaw.incrementAndGet();
                    sink.renditionReady(rung, bytes);
                }

                @Override
                public void posterReady(String key) throws IOException {
                    sink.posterReady(key);
                }
            });
        }
    }

    static Map<String, Object> job(long assetId) {
        return jdbc().queryForMap(
                        "select id, state, attempts, claim_token from transcode_jobs where asset_id = ?", assetId);
    }

    @Test
    void aWorkerPausedWhileAnotherNodeTookItsJobStopsWhenItWakesAndChangesNothing() throws Exception {
        long assetId = queuedAsset();
        TranscodeJobs jobs = app.getBean(TranscodeJobs.class);
        Freezing freezing = new Freezing();
        TranscodeWorker paused = worker(freezing);
        TranscodeWorker other = worker(app.getBean(Transcoder.class));
        try {
            long jobId = jobs.claim("node-paused", "ffmpeg").orElseThrow().id();
            CompletableFuture<Void> pausedRun = CompletableFuture.runAsync(() -> paused.runJob(jobId));
            assertThat(freezing.frozen.await(60, TimeUnit.SECONDS)).isTrue();

            // Silent past the abandonment time (as its heartbeats would be), the job goes back to the
            // queue, and another node claims and finishes it.
            jdbc().update("update transcode_jobs set heartbeat_at = now(6) - interval 10 minute where id = ?", jobId);
            assertThat(jobs.requeueAbandoned(java.time.Instant.now().minus(TranscodeWorker.ABANDONED_AFTER)))
                    .isEqualTo(1);
            assertThat(jobs.claim("node-other", "ffmpeg")).isPresent();
            other.runJob(jobId);
            Map<String, Object> done = job(assetId);
            assertThat(done.get("state")).isEqualTo("READY");
            long storedBytes = storedBytes(assetId);

            // The paused worker wakes up: its claim is gone, so it stops at once.
            freezing.thaw.countDown();
            pausedRun.get(30, TimeUnit.SECONDS);
            assertThat(freezing.renditionsAfterThaw.get())
                    .as("the woken worker stored no rendition")
                    .isZero();
            Map<String, Object> after = job(assetId);
            assertThat(after.get("state")).isEqualTo("READY");
            assertThat(after.get("attempts")).isEqualTo(done.get("attempts"));
            Asset asset = app.getBean(MediaAssets.class).find(assetId).orElseThrow();
            assertThat(asset.state()).isEqualTo(MediaState.READY);
            assertThat(asset.renditionHeights()).containsExactly(360, 720);
            assertThat(storedBytes(assetId)).as("no byte counted twice").isEqualTo(storedBytes);
            assertThat(asset.progress()).isEqualTo(100);
        } finally {
            freezing.thaw.countDown();
            paused.destroy();
            other.destroy();
        }
    }

    static long storedBytes(long assetId) {
        return jdbc().queryForObject("select stored_bytes from media_assets where id = ?", Long.class, assetId);
    }

    @Test
    void aVideoDeletedMidTranscodeLeavesNoFileBehind() throws Exception {
        long assetId = queuedAsset();
        TranscodeJobs jobs = app.getBean(TranscodeJobs.class);
        Freezing freezing = new Freezing();
        TranscodeWorker worker = worker(freezing);
        try {
            long jobId = jobs.claim("node-deleting", "ffmpeg").orElseThrow().id();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> worker.runJob(jobId));
            assertThat(freezing.frozen.await(60, TimeUnit.SECONDS)).isTrue();

            app.getBean(MediaApi.class).delete(assetId); // the member deletes the work meanwhile
            freezing.thaw.countDown();
            run.get(60, TimeUnit.SECONDS);

            Path assetDir = db.dataDir().resolve("media").resolve("assets").resolve(Long.toString(assetId));
            List<Path> left;
            try (Stream<Path> files = Files.exists(assetDir) ? Files.walk(assetDir) : Stream.empty()) {
                left = files.filter(Files::isRegularFile).toList();
            }
            assertThat(left).as("nothing of the deleted video is left").isEmpty();
            assertThat(freezing.renditionsAfterThaw.get()).isZero();
        } finally {
            freezing.thaw.countDown();
            worker.destroy();
        }
    }

    @Test
    void aPatchOverlappingOneStillArrivingIsRefusedAndTheUploadStaysIntact() throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        TusUploader uploader = TusUploader.signedInWithWork(jdbc(), port, "Two Tries");
        HttpTestClient browser = uploader.browser();
        Map<String, String> tus = uploader.tus();
        long workId = uploader.workId();
        byte[] bytes = Files.readAllBytes(clip);
        HttpResponse<String> announced = uploader.announce(browser, tus, bytes.length, "two.mp4");
        String path = URI.create(announced.headers().firstValue("Location").orElseThrow())
                .getPath();
        long assetId =
                Long.parseLong(announced.headers().firstValue("Cinely-Asset").orElseThrow());

        // The first try of the first half trickles in (a slow link); the client, thinking it lost,
        // sends the same chunk again.
        int half = bytes.length / 2;
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream trickle = new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                if (at == 64 * 1024) {
                    started.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                return at < half ? bytes[at++] & 0xff : -1;
            }
        };
        HttpRequest.Builder first = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> trickle), half))
                .header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream");
        // The browser's cookies (its session and the CSRF token's) go with the tus headers.
        uploader.tusWithCookies().forEach(first::header);
        CompletableFuture<HttpResponse<String>> firstTry = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(first.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Awaitility.await("the server is reading the first try's body")
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc().queryForObject(
                                "select patch_token is not null from media_assets where id = ?",
                                Boolean.class,
                                assetId));

        HttpResponse<String> second = patch(browser, tus, path, bytes, 0, half);
        assertThat(second.statusCode()).as("the overlapping try is refused").isEqualTo(409);
        assertThat(second.body()).contains("still arriving");

        release.countDown();
        assertThat(firstTry.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        HttpResponse<String> head = browser.request("HEAD", path, tus, null);
        assertThat(head.headers().firstValue("Upload-Offset")).contains(Integer.toString(half));
        assertThat(patch(browser, tus, path, bytes, half, bytes.length).statusCode())
                .isEqualTo(204);
        assertThat(jdbc().queryForObject("select media_asset_id from works where id = ?", Long.class, workId))
                .isEqualTo(assetId);
        String key = jdbc().queryForObject("select source_key from media_assets where id = ?", String.class, assetId);
        assertThat(sha256(Files.readAllBytes(db.dataDir().resolve("media").resolve(key))))
                .as("the stored source is the clip, byte for byte")
                .isEqualTo(sha256(bytes));
    }
}
