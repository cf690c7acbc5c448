package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A video plays before its ladder is finished: once every rung's first segment is stored, the
 * work is published and playable, its master lists every rung being made, and each rung's
 * playlist is an EVENT playlist that only grows (RFC 8216 section 6.2.1) until it is closed with
 * EXT-X-ENDLIST and the master is measured exactly.
 */
@CinelyIntegrationTest
class PlayWhileTranscodingIntegrationTests {

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

    private String body(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private JsonNode workStatus(long workId) throws Exception {
        return WorkUploadIntegrationTests.JSON.readTree(
                mvc.perform(get("/works/" + workId + "/status").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
    }

    private static List<String> segmentLines(String playlist) {
        return playlist.lines().filter(line -> line.startsWith("seg_")).toList();
    }

    @Test
    void aVideoPlaysFromGrowingPlaylistsBeforeItsLadderIsDoneAndEndsMeasured() throws Exception {
        // 30 s of 720p: long enough that its ladder takes several seconds to write here.
        long workId = WorksTestSupport.uploadedPublicWork(mvc, owner, WorksTestSupport.clip(1280, 720, 30));

        // Playable while still transcoding, and the owner's page says so.
        JsonNode early = Awaitility.await("playable before the ladder is done")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> workStatus(workId),
                        status -> status.path("playable").asBoolean()
                                || "READY".equals(status.path("state").asString()));
        assertThat(early.path("state").asString()).isEqualTo("TRANSCODING");
        assertThat(early.path("renditions").size()).isZero();
        assertThat(early.path("label").asString()).startsWith("Playable now, still transcoding");

        String media = "/works/" + workId + "/media/v1/hls/";
        // Published already: the public page carries the player, and anyone may fetch the files.
        assertThat(body("/works/" + workId)).contains("data-src=\"" + media + "master.m3u8\"");
        String master = body(media + "master.m3u8");
        assertThat(master).contains("360/index.m3u8", "720/index.m3u8", "CODECS=\"avc1.", "RESOLUTION=1280x720");
        String first = body(media + "720/index.m3u8");
        assertThat(first).contains("#EXT-X-PLAYLIST-TYPE:EVENT").doesNotContain("#EXT-X-ENDLIST");
        assertThat(segmentLines(first)).isNotEmpty();
        for (String segment : segmentLines(first)) {
            mvc.perform(get(media + "720/" + segment)).andExpect(status().isOk());
        }
        mvc.perform(get(media + "720/init.mp4")).andExpect(status().isOk());

        // The playlist only grows: every later version starts with what an early viewer loaded.
        List<String> seen = new ArrayList<>(segmentLines(first));
        String last = first;
        while (!last.contains("#EXT-X-ENDLIST")) {
            Thread.sleep(100);
            last = body(media + "720/index.m3u8");
            List<String> now = segmentLines(last);
            assertThat(now).startsWith(seen.toArray(String[]::new));
            seen = new ArrayList<>(now);
        }
        assertThat(seen).hasSizeGreaterThan(segmentLines(first).size());
        assertThat(last).contains("#EXT-X-PLAYLIST-TYPE:EVENT");

        JsonNode ready = Awaitility.await("ready")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> workStatus(workId),
                        status -> "READY".equals(status.path("state").asString()));
        assertThat(ready.path("renditions").toString()).isEqualTo("[360,720]");
        assertThat(ready.path("playable").asBoolean()).isTrue();
        // The finished master declares what was measured: at most the rate-control bound the
        // growing one declared, and a 30 s clip in 4 s segments.
        String measured = body(media + "master.m3u8");
        assertThat(bandwidth(measured, "720")).isLessThanOrEqualTo(bandwidth(master, "720"));
        assertThat(segmentLines(body(media + "360/index.m3u8"))).hasSize(8);
    }

    private static long bandwidth(String master, String height) {
        Matcher matcher = Pattern.compile("BANDWIDTH=(\\d+)[^\\n]*\\n" + height + "/index.m3u8")
                .matcher(master);
        assertThat(matcher.find()).as(master).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
