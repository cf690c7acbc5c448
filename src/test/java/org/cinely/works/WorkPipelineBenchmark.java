package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cinely.media.MediaBenchmarkAccess;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole pipeline on a 60-second 1080p30 clip (ffmpeg test sources) with the ffmpeg
 * adapter: upload complete -> first playable rendition -> full ladder, against the bare
 * ffmpeg commands with the same settings run one after the other in the same JVM.
 * Run: ./mvnw -B -Pbenchmark verify -Dit.test=WorkPipelineBenchmark
 */
@CinelyIntegrationTest
class WorkPipelineBenchmark {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /** A 60-second 1080p30 clip (the x264 default CRF 23, as before). */
    static Path source() throws Exception {
        return WorksTestSupport.clip(1920, 1080, 60);
    }

    /** Runs the bare commands once; adds "total [rung, rung, ...]" to the timings. */
    static double bareRun(Path clip, List<String> timings) throws Exception {
        long bareStart = System.nanoTime();
        List<String> each = new ArrayList<>();
        for (List<String> command : MediaBenchmarkAccess.bareCommands(clip, Files.createTempDirectory("bare"))) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(process.waitFor()).isZero();
            each.add(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        }
        double seconds = (System.nanoTime() - bareStart) / 1e9;
        timings.add(String.format(Locale.ROOT, "%.1f s [%s]", seconds, String.join(" + ", each)));
        return seconds;
    }

    @Test
    void pipelineAgainstBareFfmpeg() throws Exception {
        Path clip = source();
        List<String> timings = new ArrayList<>();
        double bareBefore = bareRun(clip, timings);
        long size = Files.size(clip);
        CurrentMember member = WorksTestSupport.member(data.jdbc(), "{noop}x");
        String location = mvc.perform(post("/works")
                        .with(user(member))
                        .with(csrf())
                        .param("title", "Benchmark")
                        .param("type", "REEL")
                        .param("visibility", "PRIVATE"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long workId = Long.parseLong(location.replaceAll("\\D", ""));
        String upload = mvc.perform(post("/uploads")
                        .with(user(member))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", size)
                        .header("Upload-Metadata", WorkUploadIntegrationTests.meta(workId, "benchmark.mp4")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        long offset = 0;
        byte[] chunk = new byte[16 * 1024 * 1024];
        long completeAt = 0;
        try (InputStream in = Files.newInputStream(clip)) {
            int n;
            while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                byte[] body = n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n);
                mvc.perform(patch(upload)
                                .with(user(member))
                                .with(csrf())
                                .header("Tus-Resumable", "1.0.0")
                                .header("Upload-Offset", offset)
                                .contentType("application/offset+octet-stream")
                                .content(body))
                        .andExpect(status().isNoContent());
                offset += n;
            }
        }
        completeAt = System.nanoTime(); // the last PATCH returned: the upload is complete (and checked)
        long assetId = data.jdbc().queryForObject("select media_asset_id from works where id = ?", Long.class, workId);
        long firstPlayable = 0;
        long ready = 0;
        while (ready == 0) {
            var row = data.jdbc().queryForMap("select state, renditions from media_assets where id = ?", assetId);
            long now = System.nanoTime();
            if (firstPlayable == 0 && row.get("renditions") != null) {
                firstPlayable = now;
            }
            if ("READY".equals(row.get("state"))) {
                ready = now;
            }
            assertThat(row.get("state")).isNotIn("FAILED", "REJECTED");
            Thread.sleep(50);
        }

        // The same ffmpeg commands, bare, one after the other, timed before and after the pipeline
        // (the machine is shared and its load drifts): the baseline is the mean of the two runs.
        double bareAfter = bareRun(clip, timings);
        double bare = (bareBefore + bareAfter) / 2;
        double toFirst = (firstPlayable - completeAt) / 1e9;
        double toFull = (ready - completeAt) / 1e9;
        String report = String.format(
                Locale.ROOT,
                "%n==== Cinely video pipeline benchmark (60 s 1080p30 H.264 source, %d MB, ffmpeg adapter, %d cores) ====%n"
                        + "ladder: %s%n"
                        + "upload complete -> first playable rendition: %.1f s (target <= 20 s)%n"
                        + "upload complete -> full ladder:              %.1f s (target <= 45 s)%n"
                        + "bare ffmpeg, same commands in sequence:      %.1f s (mean of %s before and %s after)%n"
                        + "pipeline overhead vs bare ffmpeg:            %+.1f%% (target <= 10%%)%n",
                size / (1024 * 1024),
                Runtime.getRuntime().availableProcessors(),
                MediaBenchmarkAccess.ladderDescription(clip),
                toFirst,
                toFull,
                bare,
                timings.get(0),
                timings.get(1),
                100 * (toFull - bare) / bare);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-video-pipeline.txt"), report);
    }
}
