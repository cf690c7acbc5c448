package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.awaitility.Awaitility;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.Faults;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The media storage fails under an upload and under a transcode, for real (a full filesystem, an
 * immutable directory): the uploader is told what happened, what arrived is kept, nothing half
 * written is served as ready, and everything completes once the fault goes, with no attempt spent.
 */
@CinelyIntegrationTest
class StorageFaultIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path DATA = Path.of("target", "test-data");
    static final Path UPLOADS = DATA.resolve("uploads");
    static final Path MEDIA = DATA.resolve("media");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    CurrentMember owner;
    byte[] clip;

    @BeforeEach
    void setUp() throws Exception {
        Faults.requireRoot();
        data.mark();
        owner = WorksTestSupport.member(data.jdbc(), "{noop}x");
        clip = Files.readAllBytes(WorksTestSupport.clip(640, 360));
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    record Upload(long work, long asset, String location) {}

    Upload startUpload() throws Exception {
        String workLocation = mvc.perform(post("/works")
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "Storm Warning")
                        .param("type", "SHORT")
                        .param("credits", "")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long work = Long.parseLong(workLocation.replaceAll("\\D", ""));
        MockHttpServletResponse created = mvc.perform(post("/uploads")
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", clip.length)
                        .header("Upload-Metadata", WorkUploadIntegrationTests.meta(work, "storm.mp4")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        return new Upload(work, Long.parseLong(created.getHeader("Cinely-Asset")), created.getHeader("Location"));
    }

    MockHttpServletResponse send(Upload upload, int from, int to) throws Exception {
        return mvc.perform(patch(upload.location())
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", from)
                        .contentType("application/offset+octet-stream")
                        .content(Arrays.copyOfRange(clip, from, to)))
                .andReturn()
                .getResponse();
    }

    long storedOffset(Upload upload) throws Exception {
        MvcResult result = mvc.perform(head(upload.location()).with(user(owner)).header("Tus-Resumable", "1.0.0"))
                .andExpect(status().isOk())
                .andReturn();
        return Long.parseLong(result.getResponse().getHeader("Upload-Offset"));
    }

    JsonNode workStatus(long work) throws Exception {
        return JSON.readTree(mvc.perform(get("/works/" + work + "/status").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode awaitStatus(long work, java.util.function.Predicate<JsonNode> condition, String what) {
        return Awaitility.await("work " + work + ": " + what)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> workStatus(work), condition);
    }

    void assertRefused(MockHttpServletResponse response, int status, String says) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains(says)
                .contains("What you sent so far is kept");
    }

    String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    void assertSourceIsTheClip(Upload upload) throws Exception {
        String key = data.jdbc()
                .queryForObject("select source_key from media_assets where id = ?", String.class, upload.asset());
        assertThat(sha256(Files.readAllBytes(MEDIA.resolve(key)))).isEqualTo(sha256(clip));
    }

    int attempts(Upload upload) {
        return data.jdbc()
                .queryForObject(
                        "select attempts from transcode_jobs where asset_id = ? order by id desc limit 1",
                        Integer.class,
                        upload.asset());
    }

    @Test
    void aFullDiskMidUploadKeepsWhatArrivedAndTheUploadResumesWhenThereIsRoom() throws Exception {
        Upload upload = startUpload();
        int half = clip.length / 2;
        assertThat(send(upload, 0, half).getStatus()).isEqualTo(204);

        try (Faults.Fault full = Faults.fullDisk(UPLOADS)) {
            assertRefused(send(upload, half, clip.length), 507, "storage is full");
            assertThat(storedOffset(upload))
                    .as("nothing of the failed chunk counted")
                    .isEqualTo(half);
            assertThat(workStatus(upload.work()).path("state").asString()).isEqualTo("UPLOADING");
        }
        // The full filesystem is gone (the mount hid the part file): what arrived before is there.
        assertThat(storedOffset(upload))
                .as("what arrived before the fault is kept")
                .isEqualTo(half);
        assertThat(send(upload, half, clip.length).getStatus()).isEqualTo(204);
        awaitStatus(upload.work(), s -> "READY".equals(s.path("state").asString()), "ready");
        assertSourceIsTheClip(upload);
    }

    @Test
    void anUnwritableMediaDirectoryAtTheLastChunkStepsBackAndCompletesLater() throws Exception {
        Upload upload = startUpload();
        int half = clip.length / 2;
        assertThat(send(upload, 0, half).getStatus()).isEqualTo(204);

        Path assetDir = MEDIA.resolve("assets").resolve(Long.toString(upload.asset()));
        try (Faults.Fault locked = Faults.unwritable(assetDir)) {
            assertRefused(send(upload, half, clip.length), 503, "cannot take files");
            assertThat(storedOffset(upload))
                    .as("the last chunk is not counted, so the client sends it again")
                    .isEqualTo(half);
            assertThat(workStatus(upload.work()).path("state").asString()).isEqualTo("UPLOADING");
        }
        assertThat(send(upload, half, clip.length).getStatus()).isEqualTo(204);
        awaitStatus(upload.work(), s -> "READY".equals(s.path("state").asString()), "ready");
        assertSourceIsTheClip(upload);
    }

    @Test
    void aFullDiskDuringTheTranscodeWaitsAndNothingIsServedUntilItIsDone() throws Exception {
        transcodeUnder(upload -> Faults.fullDisk(hls(upload)), "storage is full");
    }

    @Test
    void anUnwritableRenditionDirectoryDuringTheTranscodeWaitsThenFinishes() throws Exception {
        transcodeUnder(upload -> Faults.unwritable(hls(upload)), "cannot take files");
    }

    Path hls(Upload upload) {
        return MEDIA.resolve("assets").resolve(Long.toString(upload.asset())).resolve("hls");
    }

    interface FaultMaker {
        Faults.Fault make(Upload upload) throws Exception;
    }

    void transcodeUnder(FaultMaker fault, String says) throws Exception {
        Upload upload = startUpload();
        try (Faults.Fault broken = fault.make(upload)) {
            assertThat(send(upload, 0, clip.length).getStatus()).isEqualTo(204);
            JsonNode waiting = awaitStatus(
                    upload.work(),
                    s -> "WAITING".equals(s.path("state").asString()) && s.has("reason"),
                    "waiting for storage");
            assertThat(waiting.path("reason").asString()).contains(says).contains("Your video is safe");
            assertThat(waiting.path("playable").asBoolean()).isFalse();
            assertThat(attempts(upload)).as("a storage fault spends no attempt").isZero();
            int version = data.jdbc()
                    .queryForObject("select media_version from works where id = ?", Integer.class, upload.work());
            assertThat(mvc.perform(get(MediaPaths.playlist(upload.work(), version))
                                    .with(user(owner)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("no playlist is served while the renditions cannot be stored")
                    .isEqualTo(404);
        }
        // The fault is gone: the waiting job runs at its next turn (brought forward here).
        data.jdbc().update("update transcode_jobs set not_before = now(6) where asset_id = ?", upload.asset());
        JsonNode ready =
                awaitStatus(upload.work(), s -> "READY".equals(s.path("state").asString()), "ready");
        assertThat(ready.path("playable").asBoolean()).isTrue();
        assertThat(ready.has("reason")).isFalse();
        assertSourceIsTheClip(upload);
    }
}
