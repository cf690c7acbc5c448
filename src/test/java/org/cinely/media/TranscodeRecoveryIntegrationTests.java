package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.works.WorksTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Jobs survive crashes and a missing transcoder: nothing uploaded is lost. */
@CinelyIntegrationTest
class TranscodeRecoveryIntegrationTests {

    @Autowired
    TestData data;

    @Autowired
    MediaAssets assets;

    @Autowired
    TranscodeJobs jobs;

    @Autowired
    MediaStore store;

    @Autowired
    MediaApi media;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MediaProperties properties;

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    long uploadedAsset(Path clip) throws Exception {
        long owner = WorksTestAccess.member(data.jdbc());
        long assetId = assets.create(MemberId.of(owner), "test:recovery", "r" + System.nanoTime(), 1000, "clip.mp4");
        String source = Asset.prefix(assetId) + "source";
        store.put(source, clip, "application/octet-stream");
        assets.uploaded(assetId, source, java.nio.file.Files.size(clip));
        assets.probed(assetId, 2000, 1280, 720, "h264", true, 30);
        return assetId;
    }

    void runningJob(long assetId, Instant heartbeat) {
        data.jdbc()
                .update(
                        "insert into transcode_jobs (asset_id, state, attempts, not_before, heartbeat_at, claimed_by,"
                                + " transcoder, created_at, updated_at) values (?, 'RUNNING', 1, now(6), ?, 'crashed-node',"
                                + " 'ffmpeg', now(6), now(6))",
                        assetId,
                        java.sql.Timestamp.from(heartbeat));
    }

    @Test
    void aJobLeftRunningByACrashedNodeIsRequeuedAndResumesAfterTheStoredRenditions() throws Exception {
        long assetId = uploadedAsset(clip());
        // Before the crash the 360p rung was stored; the node died while encoding 720p.
        store.put(
                Asset.prefix(assetId) + "hls/360/index.m3u8",
                "#EXTM3U\n#sentinel\n".getBytes(StandardCharsets.UTF_8),
                "application/vnd.apple.mpegurl");
        assets.renditions(assetId, java.util.List.of(360), 20);
        assets.state(assetId, MediaState.TRANSCODING, null);
        runningJob(assetId, Instant.now().minusSeconds(600));

        assertThat(jobs.requeueAbandoned(Instant.now().minus(TranscodeWorker.ABANDONED_AFTER)))
                .isGreaterThanOrEqualTo(1);
        // Back in the queue, and the live worker may already have claimed it again.
        assertThat(data.jdbc()
                        .queryForObject(
                                "select coalesce(claimed_by, 'none') from transcode_jobs where asset_id = ?",
                                String.class,
                                assetId))
                .isNotEqualTo("crashed-node");

        // The site's own worker picks it up again.
        Asset ready = Awaitility.await("asset " + assetId + " ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> assets.find(assetId).orElseThrow(), asset -> asset.state() == MediaState.READY);
        assertThat(ready.renditionHeights()).containsExactly(360, 720);
        assertThat(new String(store.open(Asset.prefix(assetId) + "hls/360/index.m3u8", 0, -1)
                        .readAllBytes()))
                .as("the stored rung is not encoded again")
                .contains("#sentinel");
        assertThat(store.find(Asset.prefix(assetId) + "hls/720/index.m3u8")).isPresent();
        assertThat(jobs.latestForAsset(assetId).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void withoutFfmpegTheUploadIsKeptAndWaitsForTheTranscoder() throws Exception {
        Ffprobe missing = new Ffprobe("/nonexistent/ffprobe", "/nonexistent/ffmpeg");
        assertThat(missing.available()).isFalse();
        FfmpegTranscoder transcoder =
                new FfmpegTranscoder(missing, store, Path.of("target", "test-data", "transcode"), "veryfast");
        TranscodeWorker worker = new TranscodeWorker(
                jobs, assets, store, transcoder, missing, events, tx, Clock.systemUTC(), properties);
        try {
            long assetId = uploadedAsset(clip());
            runningJob(assetId, Instant.now());
            long jobId = jobs.latestForAsset(assetId).orElseThrow().id();

            worker.runJob(jobId);

            TranscodeJobs.Job job = jobs.find(jobId).orElseThrow();
            assertThat(job.state()).isEqualTo("QUEUED");
            assertThat(job.attempts())
                    .as("a missing transcoder uses up no attempt")
                    .isZero();
            Integer later = data.jdbc()
                    .queryForObject(
                            "select count(*) from transcode_jobs where id = ? and not_before > now(6)",
                            Integer.class,
                            jobId);
            assertThat(later).isEqualTo(1);
            Asset waiting = assets.find(assetId).orElseThrow();
            assertThat(waiting.state()).isEqualTo(MediaState.WAITING);
            assertThat(store.find(waiting.sourceKey())).as("the upload is kept").isPresent();
            assertThat(media.status(assetId).orElseThrow().playable()).isFalse();

            // ffmpeg is back (the site's own worker has it): at the job's next turn, brought
            // forward here, the upload is transcoded with no attempt lost.
            data.jdbc().update("update transcode_jobs set not_before = now(6) where id = ?", jobId);
            Asset ready = Awaitility.await("asset " + assetId + " ready once ffmpeg is back")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> assets.find(assetId).orElseThrow(), asset -> asset.state() == MediaState.READY);
            assertThat(ready.renditionHeights()).isNotEmpty();
            assertThat(jobs.find(jobId).orElseThrow().attempts()).isEqualTo(1);
        } finally {
            worker.destroy();
        }
    }

    @Test
    void backOffGrowsAndIsCapped() {
        assertThat(TranscodeWorker.backoff(1)).hasSeconds(15);
        assertThat(TranscodeWorker.backoff(2)).hasSeconds(30);
        assertThat(TranscodeWorker.backoff(3)).hasSeconds(60);
        assertThat(TranscodeWorker.backoff(20)).hasSeconds(600);
    }

    static Path clip() throws Exception {
        return org.cinely.works.WorksTestAccess.clip(1280, 720);
    }
}
