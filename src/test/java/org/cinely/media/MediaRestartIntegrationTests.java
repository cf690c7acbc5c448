package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.media.TusUploader.patch;
import static org.cinely.media.TusUploader.sha256;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.cinely.accounts.AccountsTestData;
import org.cinely.platform.MemberId;
import org.cinely.test.HttpTestClient;
import org.cinely.test.OwnDatabase;
import org.cinely.test.TestData;
import org.cinely.works.WorksTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads and transcodes across the app stopping and the database going away, on a server of the
 * test's own (so no other worker claims the jobs): a graceful shutdown mid-transcode hands the job
 * back at once with its attempt returned and the next start finishes it; the database restarting
 * mid-transcode or mid-upload loses no attempt, no byte and no job, with no app restart.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class MediaRestartIntegrationTests {

    static OwnDatabase db;
    static ConfigurableApplicationContext app;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        // Long enough (about 10 s of encoding here) to be caught in the middle.
        clip = WorksTestAccess.clip(1280, 720, 20);
        db = OwnDatabase.start("media-restart-db");
        app = db.app();
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

    @BeforeEach
    void appIsUp() {
        if (app == null || !app.isActive()) {
            app = db.app();
        }
    }

    static JdbcTemplate jdbc() {
        return app.getBean(JdbcTemplate.class);
    }

    /** An uploaded clip with its transcode job queued, as a finished upload leaves it. */
    static long queuedAsset() throws Exception {
        long owner = new AccountsTestData(jdbc())
                .create(TestData.uniqueEmail(), TestData.uniqueHandle(), "Restart Owner", "{noop}x", true);
        MediaAssets assets = app.getBean(MediaAssets.class);
        MediaStore store = app.getBean(MediaStore.class);
        long assetId = assets.create(MemberId.of(owner), "test:restart", "t" + System.nanoTime(), 1000, "clip.mp4");
        String source = Asset.prefix(assetId) + "source";
        store.put(source, clip, "application/octet-stream");
        assets.uploaded(assetId, source, Files.size(clip));
        assets.probed(assetId, 20_000, 1280, 720, "h264", true, 30);
        app.getBean(TranscodeJobs.class).enqueue(assetId);
        return assetId;
    }

    static Map<String, Object> job(JdbcTemplate jdbc, long assetId) {
        return jdbc.queryForMap(
                "select state, attempts, claimed_by, not_before <= now(6) as due from transcode_jobs"
                        + " where asset_id = ? order by id desc limit 1",
                assetId);
    }

    static String assetState(JdbcTemplate jdbc, long assetId) {
        return jdbc.queryForObject("select state from media_assets where id = ?", String.class, assetId);
    }

    static void awaitEncoding(long assetId) {
        Awaitility.await("asset " + assetId + " in the middle of its encode")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> jdbc().queryForList(
                                        "select progress from media_assets where id = ? and state = 'TRANSCODING'",
                                        Integer.class,
                                        assetId),
                        progress -> progress.size() == 1 && progress.get(0) >= 1 && progress.get(0) < 50);
    }

    static void awaitReady(long assetId, Duration within) {
        Awaitility.await("asset " + assetId + " ready")
                .atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions() // the database may still be coming back
                .until(() -> assetState(jdbc(), assetId), "READY"::equals);
    }

    /**
     * The encodes of this test's app: ffmpeg processes reading or writing under its data directory.
     * Other contexts in the same JVM (the shared test app, which other classes leave transcoding
     * their uploads) run ffmpeg too; counting every child of the JVM failed on CI's second pass.
     */
    static long ffmpegRunning() {
        java.util.List<String> dataDir = java.util.List.of(
                db.dataDir().toString(), db.dataDir().toAbsolutePath().toString());
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").endsWith("ffmpeg"))
                .filter(p -> p.info().arguments().stream()
                        .flatMap(java.util.Arrays::stream)
                        .anyMatch(argument -> dataDir.stream().anyMatch(argument::contains)))
                .count();
    }

    @Test
    void aGracefulShutdownMidTranscodeHandsTheJobBackAndTheNextStartFinishesIt() throws Exception {
        long assetId = queuedAsset();
        awaitEncoding(assetId);
        assertThat(ffmpegRunning())
                .as("this app's encode is running (the count below can fail)")
                .isPositive();

        Instant stopping = Instant.now();
        app.close(); // as SIGTERM does
        Duration stopTook = Duration.between(stopping, Instant.now());

        // Read through a connection of the test's own: the app is gone.
        JdbcTemplate direct = new JdbcTemplate(
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(db.url(), "root", "", true));
        Map<String, Object> job = job(direct, assetId);
        assertThat(job.get("state")).as("handed back to the queue").isEqualTo("QUEUED");
        assertThat(job.get("claimed_by")).isNull();
        assertThat(((Number) job.get("attempts")).intValue())
                .as("the interrupted run spends no attempt")
                .isZero();
        assertThat(((Number) job.get("due")).intValue())
                .as("due at once, not after a back-off")
                .isEqualTo(1);
        assertThat(assetState(direct, assetId)).isEqualTo("WAITING");
        assertThat(ffmpegRunning())
                .as("the encode was stopped, not left running")
                .isZero();
        assertThat(stopTook).as("shutdown did not wait out a time-out").isLessThan(Duration.ofSeconds(20));

        app = db.app(); // the next start (or any other node) takes it up
        awaitReady(assetId, Duration.ofSeconds(90));
        Map<String, Object> finished = job(jdbc(), assetId);
        assertThat(finished.get("state")).isEqualTo("READY");
        assertThat(((Number) finished.get("attempts")).intValue()).isEqualTo(1);
    }

    @Test
    void aContextStoppedAndStartedAgainTranscodesAgain() throws Exception {
        // Spring's test framework pauses a cached context (stop) and resumes it (start) when a test
        // uses it again: the worker must not stay stopped (it once did, and the next tests' videos
        // never transcoded).
        app.stop();
        app.start();
        long assetId = queuedAsset();
        awaitReady(assetId, Duration.ofSeconds(90));
        assertThat(job(jdbc(), assetId).get("state")).isEqualTo("READY");
    }

    @Test
    void theDatabaseGoingAwayMidTranscodeSpendsNoAttemptAndTheJobFinishesOnceItIsBack() throws Exception {
        long assetId = queuedAsset();
        awaitEncoding(assetId);

        db.stop();
        Thread.sleep(4_000); // the encode meets the outage (progress, a rendition stored)
        db.restart();
        Instant back = Instant.now();

        // Well before the 90 s after which a silent job counts as abandoned.
        awaitReady(assetId, Duration.ofSeconds(60));
        assertThat(Duration.between(back, Instant.now())).isLessThan(TranscodeWorker.ABANDONED_AFTER);
        Map<String, Object> job = job(jdbc(), assetId);
        assertThat(job.get("state")).isEqualTo("READY");
        assertThat(((Number) job.get("attempts")).intValue())
                .as("the outage spends no attempt")
                .isEqualTo(1);
        Asset ready = app.getBean(MediaAssets.class).find(assetId).orElseThrow();
        assertThat(ready.renditionHeights()).containsExactly(360, 720);
        MediaStore store = app.getBean(MediaStore.class);
        for (int height : ready.renditionHeights()) {
            assertThat(store.find(Asset.prefix(assetId) + "hls/" + height + "/index.m3u8"))
                    .isPresent();
        }
        assertThat(store.find(Asset.prefix(assetId) + "hls/master.m3u8")).isPresent();
    }

    @Test
    void theDatabaseGoingAwayMidUploadLosesNoByteAndTheUploadResumes() throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        TusUploader uploader = TusUploader.signedInWithWork(jdbc(), port, "Storm Warning");
        HttpTestClient browser = uploader.browser();
        Map<String, String> tus = uploader.tus();
        long workId = uploader.workId();

        byte[] bytes = Files.readAllBytes(clip);
        HttpResponse<String> started = uploader.announce(browser, tus, bytes.length, "storm.mp4");
        assertThat(started.statusCode()).isEqualTo(201);
        String path = java.net
                .URI
                .create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        int half = bytes.length / 2;
        assertThat(patch(browser, tus, path, bytes, 0, half).statusCode()).isEqualTo(204);

        db.stop();
        HttpResponse<String> during = patch(browser, tus, path, bytes, half, bytes.length);
        assertThat(during.statusCode())
                .as("a clear 503 while the database is away")
                .isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        db.restart();

        // The uploader asks where to go on, as tus clients do, and sends the rest.
        HttpResponse<String> offset = Awaitility.await("the upload answers again")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> browser.request("HEAD", path, tus, null), r -> r.statusCode() == 200);
        assertThat(offset.headers().firstValue("Upload-Offset")).contains(Integer.toString(half));
        assertThat(patch(browser, tus, path, bytes, half, bytes.length).statusCode())
                .isEqualTo(204);

        long assetId = jdbc().queryForObject("select media_asset_id from works where id = ?", Long.class, workId);
        awaitReady(assetId, Duration.ofSeconds(90));
        String key = jdbc().queryForObject("select source_key from media_assets where id = ?", String.class, assetId);
        assertThat(sha256(Files.readAllBytes(db.dataDir().resolve("media").resolve(key))))
                .as("the stored source is the clip, byte for byte")
                .isEqualTo(sha256(bytes));
    }
}
