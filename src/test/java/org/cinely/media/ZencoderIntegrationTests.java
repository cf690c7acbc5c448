package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Zencoder adapter against a fake Zencoder server: the job is created with the API key,
 * renditions are copied as they finish (in whatever order), and duplicate or late
 * notifications change nothing. The adapter, worker and webhook controller are built here
 * around the shared context's repositories and store (the site itself runs with ffmpeg).
 */
@CinelyIntegrationTest
class ZencoderIntegrationTests {

    static final String SECRET = "notify-secret-123";

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    MediaAssets assets;

    @Autowired
    TranscodeJobs jobs;

    @Autowired
    MediaStore store;

    @Autowired
    Ffprobe probe;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MediaProperties properties;

    FakeZencoder fake;
    ZencoderTranscoder zencoder;
    TranscodeWorker worker;
    ZencoderController webhook;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        fake = new FakeZencoder();
        zencoder = new ZencoderTranscoder(
                new MediaProperties.Zencoder(fake.baseUrl(), FakeZencoder.API_KEY, SECRET, "http://cinely.test"),
                store);
        worker = new TranscodeWorker(jobs, assets, store, zencoder, probe, events, tx, Clock.systemUTC(), properties);
        webhook = new ZencoderController(zencoder, jobs, worker, assets, store);
    }

    @AfterEach
    void tearDown() throws Exception {
        worker.destroy();
        fake.close();
        data.cleanUp();
    }

    /** An uploaded 720p source with a job claimed by this test's worker (not the site's ffmpeg one). */
    long uploadedAssetWithRunningJob() throws Exception {
        long owner = org.cinely.works.WorksTestAccess.member(data.jdbc());
        long assetId = assets.create(MemberId.of(owner), "test:zencoder", "z" + System.nanoTime(), 1000, "clip.mp4");
        String source = Asset.prefix(assetId) + "source";
        store.put(source, "not really a video".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        assets.uploaded(assetId, source, 18);
        assets.probed(assetId, 2000, 1280, 720, "h264", true, 30);
        data.jdbc()
                .update(
                        "insert into transcode_jobs (asset_id, state, attempts, not_before, heartbeat_at, claimed_by,"
                                + " transcoder, created_at, updated_at) values (?, 'RUNNING', 1, now(6), now(6), 'test', 'zencoder',"
                                + " now(6), now(6))",
                        assetId);
        return assetId;
    }

    long jobOf(long assetId) {
        return jobs.latestForAsset(assetId).orElseThrow().id();
    }

    static String notification(String state, String output, String outputState) {
        return "{\"job\":{\"id\":" + FakeZencoder.JOB_ID + ",\"state\":\"" + state + "\"},\"output\":{\"label\":\""
                + output + "\",\"state\":\"" + outputState + "\"}}";
    }

    @Test
    void createsTheJobCopiesRenditionsAsTheyFinishAndIgnoresDuplicateAndLateNotifications() throws Exception {
        long assetId = uploadedAssetWithRunningJob();
        long jobId = jobOf(assetId);

        worker.runJob(jobId);
        assertThat(fake.createdJobs).hasSize(1);
        String request = fake.createdJobs.get(0);
        assertThat(request)
                .contains("\"input\":\"http://cinely.test/media/transcoder/source/" + assetId + "/")
                .contains("\"url\":\"http://cinely.test/media/transcoder/zencoder/" + SECRET + "\"")
                .contains(
                        "\"type\":\"segmented\"",
                        "\"type\":\"playlist\"",
                        "\"height\":360",
                        "\"height\":720",
                        "\"upscale\":false",
                        "\"thumbnails\":[{\"label\":\"poster\",\"number\":1,\"format\":\"jpg\"}]");
        assertThat(jobs.find(jobId).orElseThrow().externalId()).isEqualTo(FakeZencoder.JOB_ID);

        // Out of order: the 720p output finishes first; the notification for it arrives twice.
        fake.jobState = "processing";
        fake.progress = 60;
        fake.outputStates.put("720", "finished");
        fake.outputStates.put("360", "processing");
        assertThat(webhook.notification(SECRET, notification("processing", "720", "finished"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        webhook.notification(SECRET, notification("processing", "720", "finished"));
        Asset playable = assets.find(assetId).orElseThrow();
        assertThat(playable.renditionHeights()).containsExactly(720);
        assertThat(playable.state()).isEqualTo(MediaState.TRANSCODING);
        assertThat(playable.progress()).isEqualTo(60);
        assertThat(new String(store.open(Asset.prefix(assetId) + "hls/720/index.m3u8", 0, -1)
                        .readAllBytes()))
                .contains("#EXT-X-MAP:URI=\"init.mp4\"", "seg_00000.m4s");
        assertThat(new String(store.open(Asset.prefix(assetId) + "hls/720/seg_00000.m4s", 0, -1)
                        .readAllBytes()))
                .isEqualTo("bytes of /out/720/segment-0.m4s");

        // Everything finishes; the job notification arrives, then again, then a stale one.
        fake.jobState = "finished";
        fake.progress = 100;
        fake.outputStates.put("360", "finished");
        webhook.notification(SECRET, notification("finished", "360", "finished"));
        Asset ready = assets.find(assetId).orElseThrow();
        assertThat(ready.state()).isEqualTo(MediaState.READY);
        assertThat(ready.renditionHeights()).containsExactly(360, 720);
        assertThat(jobs.find(jobId).orElseThrow().state()).isEqualTo("READY");
        String master = new String(
                store.open(Asset.prefix(assetId) + "hls/master.m3u8", 0, -1).readAllBytes());
        assertThat(master.indexOf("360/index.m3u8")).isLessThan(master.indexOf("720/index.m3u8"));
        assertThat(ready.posterKey()).isEqualTo(Asset.prefix(assetId) + "hls/poster.jpg");
        assertThat(new String(store.open(ready.posterKey(), 0, -1).readAllBytes()))
                .isEqualTo("poster bytes");

        fake.jobState = "processing"; // a late notification, and the API briefly lagging behind
        webhook.notification(SECRET, notification("finished", "360", "finished"));
        webhook.notification(SECRET, notification("processing", "360", "processing"));
        assertThat(assets.find(assetId).orElseThrow().state()).isEqualTo(MediaState.READY);
        assertThat(jobs.find(jobId).orElseThrow().state()).isEqualTo("READY");
        assertThat(fake.createdJobs).hasSize(1);
    }

    @Test
    void refusesNotificationsWithoutTheSecret() throws Exception {
        ResponseEntity<Void> refused = webhook.notification("guess", notification("finished", "360", "finished"));
        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        // Over HTTP the webhook needs no session or CSRF token, only the secret (404 without it).
        mvc.perform(post("/media/transcoder/zencoder/guess")
                        .contentType("application/json")
                        .content(notification("finished", "360", "finished")))
                .andExpect(status().isNotFound());
    }

    /** Before: with no secret, links were signed with the key "source:" and anyone could forge one. */
    @Test
    void withoutASecretTheAdapterIsOffAndNoSourceIsServed() throws Exception {
        long assetId = uploadedAssetWithRunningJob();
        ZencoderTranscoder unsecured = new ZencoderTranscoder(
                new MediaProperties.Zencoder(fake.baseUrl(), FakeZencoder.API_KEY, "", "http://cinely.test"), store);
        assertThat(unsecured.available()).isFalse();
        assertThat(unsecured.whyUnavailable()).contains("CINELY_ZENCODER_SECRET");
        assertThat(new TranscoderHealthIndicator(unsecured)
                        .health()
                        .getDetails()
                        .get("message"))
                .asString()
                .contains("CINELY_ZENCODER_SECRET");

        ZencoderController site = new ZencoderController(unsecured, jobs, worker, assets, store);
        long expires = Instant.now().plusSeconds(600).getEpochSecond();
        for (String key : new String[] {"source:", "source:" + SECRET}) {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String forged = java.util.HexFormat.of()
                    .formatHex(mac.doFinal((assetId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
            assertThat(site.source(assetId, expires, forged).getStatusCode().value())
                    .isEqualTo(404);
        }
        assertThat(site.notification("", notification("finished", "360", "finished"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void aSourceLinkWorksForMinutesOnlyAndOnlyAsSigned() throws Exception {
        long assetId = uploadedAssetWithRunningJob();
        String link = zencoder.sourceLink("http://cinely.test", assetId, Instant.now());
        String[] parts =
                link.substring(link.indexOf("/source/") + "/source/".length()).split("/");
        long expires = Long.parseLong(parts[1]);
        assertThat(expires - Instant.now().getEpochSecond()).isBetween(60L, 15 * 60L);
        assertThat(webhook.source(assetId, expires, parts[2]).getStatusCode().value())
                .isEqualTo(200);

        // Another asset, a later expiry or a changed signature: refused.
        assertThat(webhook.source(assetId + 1, expires, parts[2])
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(webhook.source(assetId, expires + 3600, parts[2])
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        String changed = (parts[2].charAt(0) == '0' ? "1" : "0") + parts[2].substring(1); // always differs
        assertThat(webhook.source(assetId, expires, changed).getStatusCode().value())
                .isEqualTo(404);
        // An expired link, however well signed.
        long past = Instant.now().minusSeconds(1).getEpochSecond();
        assertThat(webhook.source(assetId, past, zencoder.sourceSignature(assetId, past))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    /** Before: the whole body was read into memory before the secret was checked (800 MB POSTs). */
    @Test
    void aNotificationBodyIsReadOnlyAfterTheSecretAndOnlyUpToAFewKilobytes() throws Exception {
        org.springframework.mock.web.MockHttpServletRequest unread =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/media/transcoder/zencoder/guess") {
                    @Override
                    public jakarta.servlet.ServletInputStream getInputStream() {
                        throw new AssertionError("the body of a request without the secret was read");
                    }
                };
        assertThat(webhook.receive("guess", unread).getStatusCode().value()).isEqualTo(404);

        org.springframework.mock.web.MockHttpServletRequest large =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/media/transcoder/zencoder/x");
        large.setContent(new byte[ZencoderController.MAX_NOTIFICATION_BYTES + 1]);
        assertThat(webhook.receive(SECRET, large).getStatusCode().value()).isEqualTo(413);

        org.springframework.mock.web.MockHttpServletRequest normal =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/media/transcoder/zencoder/x");
        normal.setContent(notification("processing", "360", "processing").getBytes(StandardCharsets.UTF_8));
        assertThat(webhook.receive(SECRET, normal).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void aFailedRemoteJobIsRetriedWithBackOff() throws Exception {
        long assetId = uploadedAssetWithRunningJob();
        long jobId = jobOf(assetId);
        worker.runJob(jobId);
        fake.jobState = "failed";
        webhook.notification(SECRET, notification("failed", "360", "failed"));
        var job = jobs.find(jobId).orElseThrow();
        assertThat(job.state()).isEqualTo("QUEUED");
        assertThat(assets.find(assetId).orElseThrow().state()).isEqualTo(MediaState.WAITING);
        Integer due = data.jdbc()
                .queryForObject(
                        "select count(*) from transcode_jobs where id = ? and not_before > now(6)",
                        Integer.class,
                        jobId);
        assertThat(due).isEqualTo(1);
    }
}
