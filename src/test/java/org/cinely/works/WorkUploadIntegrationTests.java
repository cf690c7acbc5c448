package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The core path: a work, a resumable tus upload, the ffprobe check, the ffmpeg ladder, playback. */
@CinelyIntegrationTest
class WorkUploadIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    CurrentMember owner;

    @BeforeEach
    void mark() {
        data.mark();
        owner = WorksTestSupport.member(data.jdbc(), "{noop}x");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    long createWork(CurrentMember member, String visibility) throws Exception {
        MvcResult result = mvc.perform(post("/works")
                        .with(user(member))
                        .with(csrf())
                        .param("title", "Night Exterior")
                        .param("description", "A test <b>pattern</b>")
                        .param("type", "SHORT")
                        .param("year", "2026")
                        .param("tags", "test, pattern")
                        .param("credits", "")
                        .param("visibility", visibility))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/works/\\d+/edit");
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    static String meta(long workId, String filename) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "target " + b64.encodeToString(("work:" + workId).getBytes(StandardCharsets.UTF_8)) + ",filename "
                + b64.encodeToString(filename.getBytes(StandardCharsets.UTF_8));
    }

    String createUpload(CurrentMember member, long workId, long length) throws Exception {
        MvcResult created = mvc.perform(post("/uploads")
                        .with(user(member))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", length)
                        .header("Upload-Metadata", meta(workId, "clip.mp4")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Tus-Resumable", "1.0.0"))
                .andReturn();
        return created.getResponse().getHeader("Location");
    }

    void send(CurrentMember member, String location, long offset, byte[] bytes) throws Exception {
        mvc.perform(patch(location)
                        .with(user(member))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", offset)
                        .contentType("application/offset+octet-stream")
                        .content(bytes))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Upload-Offset", Long.toString(offset + bytes.length)));
    }

    JsonNode workStatus(long workId) throws Exception {
        return JSON.readTree(mvc.perform(get("/works/" + workId + "/status").with(user(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    JsonNode awaitState(long workId, String state) throws Exception {
        // Fails with the last status seen when the state is not reached in time.
        return Awaitility.await("work " + workId + " " + state)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> workStatus(workId),
                        status -> state.equals(status.path("state").asString()));
    }

    @Test
    void uploadedClipIsTranscodedToAnHlsLadderAndPlays() throws Exception {
        long workId = createWork(owner, "PUBLIC");
        byte[] clip = Files.readAllBytes(WorksTestSupport.clip(1280, 720));
        String location = createUpload(owner, workId, clip.length);
        send(owner, location, 0, clip);

        JsonNode ready = awaitState(workId, "READY");
        assertThat(ready.path("playable").asBoolean()).isTrue();
        assertThat(ready.path("renditions").toString()).isEqualTo("[360,720]");

        String master = mvc.perform(get("/works/" + workId + "/media/v1/hls/master.m3u8"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.apple.mpegurl")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-cache")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(master).contains("360/index.m3u8", "720/index.m3u8", "RESOLUTION=1280x720");
        String playlist = mvc.perform(get("/works/" + workId + "/media/v1/hls/360/index.m3u8"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(playlist).contains("#EXT-X-MAP:URI=\"init.mp4\"", "seg_00000.m4s", "#EXT-X-ENDLIST");
        // Segments answer byte ranges and may be cached for good.
        mvc.perform(get("/works/" + workId + "/media/v1/hls/360/seg_00000.m4s").header("Range", "bytes=0-99"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Length", "100"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")));
        mvc.perform(get("/works/" + workId + "/media/v1/hls/poster.jpg")).andExpect(status().isOk());
        // Anything but the player's files is not served.
        mvc.perform(get("/works/" + workId + "/media/v1/source")).andExpect(status().isNotFound());

        // Published: on the browse page, and the page escapes what members typed.
        String browse = mvc.perform(get("/works")).andReturn().getResponse().getContentAsString();
        assertThat(browse).contains("/works/" + workId);
        String page =
                mvc.perform(get("/works/" + workId)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("A test &lt;b&gt;pattern&lt;/b&gt;").contains("data-src=\"/works/" + workId);
    }

    @Test
    void aNewVideoNeverServesFilesAnEarlierDatabaseLeftUnderItsId() throws Exception {
        // A database restored from a backup (or reset, as CI's second pass does) hands asset ids out
        // again while the media store still holds the files of the videos it forgot.
        long next = data.jdbc()
                .queryForObject(
                        "select auto_increment from information_schema.tables"
                                + " where table_schema = database() and table_name = 'media_assets'",
                        Long.class);
        java.nio.file.Path assets = java.nio.file.Path.of("target", "test-data", "media", "assets");
        java.util.List<java.nio.file.Path> stale = new java.util.ArrayList<>();
        for (long id = next; id < next + 3; id++) {
            java.nio.file.Path master = assets.resolve(id + "/hls/master.m3u8");
            Files.createDirectories(master.getParent());
            Files.writeString(master, "#EXTM3U\n# someone else's video\n");
            stale.add(master);
        }
        try {
            long workId = createWork(owner, "PUBLIC");
            MvcResult created = mvc.perform(post("/uploads")
                            .with(user(owner))
                            .with(csrf())
                            .header("Tus-Resumable", "1.0.0")
                            .header("Upload-Length", 1000)
                            .header("Upload-Metadata", meta(workId, "clip.mp4")))
                    .andExpect(status().isCreated())
                    .andReturn();
            long asset = Long.parseLong(created.getResponse().getHeader("Cinely-Asset"));
            assertThat(asset).as("the new asset got one of the reused ids").isBetween(next, next + 2);
            assertThat(assets.resolve(Long.toString(asset))).doesNotExist();
            int version =
                    data.jdbc().queryForObject("select media_version from works where id = ?", Integer.class, workId);
            assertThat(data.jdbc().queryForObject("select media_asset_id from works where id = ?", Long.class, workId))
                    .isEqualTo(asset);
            mvc.perform(get(MediaPaths.playlist(workId, version)).with(user(owner)))
                    .andExpect(status().isNotFound());
        } finally {
            for (java.nio.file.Path master : stale) {
                org.springframework.util.FileSystemUtils.deleteRecursively(
                        master.getParent().getParent());
            }
        }
    }

    @Test
    void interruptedUploadResumesFromTheOffsetTheServerHas() throws Exception {
        long workId = createWork(owner, "PUBLIC");
        byte[] clip = Files.readAllBytes(WorksTestSupport.clip(640, 360));
        String location = createUpload(owner, workId, clip.length);
        int half = clip.length / 2;
        send(owner, location, 0, Arrays.copyOfRange(clip, 0, half));

        // The client comes back (new tab, after a drop) and asks where to continue.
        mvc.perform(head(location).with(user(owner)).header("Tus-Resumable", "1.0.0"))
                .andExpect(status().isOk())
                .andExpect(header().string("Upload-Offset", Integer.toString(half)))
                .andExpect(header().string("Upload-Length", Integer.toString(clip.length)));
        // A chunk from the wrong offset is refused, nothing is written.
        mvc.perform(patch(location)
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", 0)
                        .contentType("application/offset+octet-stream")
                        .content(clip))
                .andExpect(status().isConflict());
        // Another member cannot see or touch it.
        CurrentMember other = WorksTestSupport.member(data.jdbc(), "{noop}x");
        mvc.perform(head(location).with(user(other)).header("Tus-Resumable", "1.0.0"))
                .andExpect(status().isNotFound());

        send(owner, location, half, Arrays.copyOfRange(clip, half, clip.length));
        awaitState(workId, "READY");
    }

    @Test
    void refusesFilesThatAreNotVideoWithAClearReason() throws Exception {
        long workId = createWork(owner, "PUBLIC");
        byte[] text = "INT. STUDIO - NIGHT\nThis is a screenplay, not a video.\n".getBytes(StandardCharsets.UTF_8);
        String location = createUpload(owner, workId, text.length);
        send(owner, location, 0, text);
        JsonNode refused = awaitState(workId, "REJECTED");
        assertThat(refused.path("reason").asString()).contains("not a video");

        // A damaged video: a real clip's header with its picture data overwritten.
        byte[] corrupt = Files.readAllBytes(WorksTestSupport.clip(640, 360));
        for (int i = 2048; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        location = createUpload(owner, workId, corrupt.length);
        send(owner, location, 0, corrupt);
        refused = awaitState(workId, "REJECTED");
        assertThat(refused.path("reason").asString()).containsAnyOf("damaged", "not a video", "no picture");

        // The work stays editable.
        mvc.perform(get("/works/" + workId + "/edit").with(user(owner))).andExpect(status().isOk());
    }

    /**
     * A picture bomb (PNG frames in Matroska, wider than 8K): the final PATCH only stores and queues
     * it (the check runs on the worker's bounded pool, not in the request), then it is refused from
     * its header with a reason the uploader can act on.
     */
    @Test
    void aPictureBombIsCheckedOffTheRequestAndRefusedFromItsHeader() throws Exception {
        long workId = createWork(owner, "PUBLIC");
        Path bomb = Files.createTempFile("bomb", ".mkv");
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=black:size=8200x16:rate=1",
                        "-frames:v",
                        "1",
                        "-c:v",
                        "png",
                        "-f",
                        "matroska",
                        bomb.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(ffmpeg.waitFor()).isZero();
        byte[] bytes = Files.readAllBytes(bomb);
        Files.delete(bomb);
        String location = createUpload(owner, workId, bytes.length);
        mvc.perform(patch(location)
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", 0)
                        .contentType("application/offset+octet-stream")
                        .content(bytes))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Cinely-State", "WAITING"));
        JsonNode refused = awaitState(workId, "REJECTED");
        assertThat(refused.path("reason").asString()).contains("picture is too large");
    }

    @Test
    void newUploadsAreLimitedTo30AnHour() throws Exception {
        long workId = createWork(owner, "PRIVATE");
        for (int i = 0; i < 30; i++) {
            createUpload(owner, workId, 1000);
        }
        mvc.perform(post("/uploads")
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", 1000)
                        .header("Upload-Metadata", meta(workId, "one-more.mp4")))
                .andExpect(status().isTooManyRequests());
    }

    /** Twelve 4 GB uploads announced at the same moment against a 20 GB quota: five get through. */
    @Test
    void racingUploadsNeverReserveMoreThanTheQuota() throws Exception {
        int racers = 12;
        List<Long> works = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            works.add(createWork(owner, "PRIVATE"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (long work : works) {
            statuses.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return mvc.perform(post("/uploads")
                                .with(user(owner))
                                .with(csrf())
                                .header("Tus-Resumable", "1.0.0")
                                .header("Upload-Length", 4L * 1024 * 1024 * 1024)
                                .header("Upload-Metadata", meta(work, "race.mp4")))
                        .andReturn()
                        .getResponse()
                        .getStatus();
            }));
        }
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(answers).filteredOn(status -> status == 201).hasSize(5);
        assertThat(answers).filteredOn(status -> status == 413).hasSize(racers - 5);
        Long reserved = data.jdbc()
                .queryForObject(
                        "select coalesce(sum(upload_length), 0) from media_assets where owner_id = ?",
                        Long.class,
                        owner.id().value());
        assertThat(reserved).isLessThanOrEqualTo(20L * 1024 * 1024 * 1024);
    }

    /**
     * The attack that found the hole: a playlist uploaded as "holiday.mp4" whose segment is a file
     * on the server (here a real clip, so reading it would make the upload play). It is refused,
     * and the uploader is told what to upload instead.
     */
    @Test
    void aPlaylistPointingAtAFileOnTheServerIsRefused() throws Exception {
        long workId = createWork(owner, "PUBLIC");
        Path target = WorksTestSupport.clip(640, 360).toAbsolutePath();
        byte[] playlist = ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nfile://" + target
                        + "\n#EXT-X-ENDLIST\n")
                .getBytes(StandardCharsets.UTF_8);
        String location = createUpload(owner, workId, playlist.length);
        send(owner, location, 0, playlist);
        JsonNode refused = awaitState(workId, "REJECTED");
        assertThat(refused.path("reason").asString())
                .contains("not a video we accept")
                .contains("playlists and lists of files can’t be uploaded");
        assertThat(mvc.perform(get("/works/" + workId + "/media/v1/hls/master.m3u8")
                                .with(user(owner)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void refusesEmptyOversizedAndOverQuotaUploadsBeforeAnyByteIsSent() throws Exception {
        long workId = createWork(owner, "PUBLIC");
        String empty = mvc.perform(post("/uploads")
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", 0)
                        .header("Upload-Metadata", meta(workId, "empty.mp4")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(empty).isEqualTo("The file is empty.");
        String tooLarge = mvc.perform(post("/uploads")
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", 5L * 1024 * 1024 * 1024)
                        .header("Upload-Metadata", meta(workId, "huge.mov")))
                .andExpect(status().isPayloadTooLarge())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tooLarge).contains("The file is larger than the 4 GB limit.");

        // 20 GB quota: five announced 4 GB uploads fill it, the sixth is refused.
        for (int i = 0; i < 5; i++) {
            long work = createWork(owner, "PRIVATE");
            createUpload(owner, work, 4L * 1024 * 1024 * 1024);
        }
        long sixth = createWork(owner, "PRIVATE");
        String quota = mvc.perform(post("/uploads")
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", 1024)
                        .header("Upload-Metadata", meta(sixth, "one-more.mp4")))
                .andExpect(status().isPayloadTooLarge())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(quota).contains("storage quota");

        // Someone else's work is not a target; nor is an unverified member allowed.
        CurrentMember other = WorksTestSupport.member(data.jdbc(), "{noop}x");
        mvc.perform(post("/uploads")
                        .with(user(other))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", 1024)
                        .header("Upload-Metadata", meta(workId, "theirs.mp4")))
                .andExpect(status().isForbidden());
        // Without the CSRF header the upload is not even created.
        mvc.perform(post("/uploads")
                        .with(user(owner))
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", 1024)
                        .header("Upload-Metadata", meta(workId, "clip.mp4")))
                .andExpect(status().isForbidden());
    }

    @Test
    void privateWorkAndItsMediaAreRefusedToEveryoneButTheOwner() throws Exception {
        long workId = createWork(owner, "PRIVATE");
        byte[] clip = Files.readAllBytes(WorksTestSupport.clip(640, 360));
        send(owner, createUpload(owner, workId, clip.length), 0, clip);
        awaitState(workId, "READY");
        String master = "/works/" + workId + "/media/v1/hls/master.m3u8";
        String segment = "/works/" + workId + "/media/v1/hls/360/seg_00000.m4s";

        mvc.perform(get(master).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("private")));
        mvc.perform(get(segment).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control",
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("public"))));

        CurrentMember other = WorksTestSupport.member(data.jdbc(), "{noop}x");
        for (String url :
                new String[] {"/works/" + workId, master, segment, "/works/" + workId + "/media/v1/hls/poster.jpg"}) {
            mvc.perform(get(url)).andExpect(status().isNotFound());
            mvc.perform(get(url).with(user(other))).andExpect(status().isNotFound());
        }
        // Connections-only: not connected (no connections module yet) means not allowed either.
        mvc.perform(post("/works/" + workId)
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "Night Exterior")
                        .param("type", "SHORT")
                        .param("visibility", "CONNECTIONS"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(segment).with(user(other))).andExpect(status().isNotFound());
        // And not on the browse page.
        assertThat(mvc.perform(get("/works")).andReturn().getResponse().getContentAsString())
                .doesNotContain("/works/" + workId + "\"");
    }
}
