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
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole pipeline with the ffmpeg adapter on two 60-second 1080p30 sources, the ffmpeg test
 * pattern and a camera-like clip (noisy, 8.3 s keyframe spacing, about 14 Mb/s, so no rung may be
 * copied): upload complete -> first playable -> full ladder, against the bare ffmpeg commands
 * making the same ladder in the same run, both ways ffmpeg has (one run per rung, and one decode
 * feeding every rung), timed before and after the pipeline as the machine's load drifts. Then
 * each rung's bit rate and its SSIM against the source (Debian's ffmpeg has no libvmaf).
 * Run: ./mvnw -B -Pbenchmark verify -Dit.test=WorkPipelineBenchmark
 */
@CinelyIntegrationTest
class WorkPipelineBenchmark {

    private static final StringBuilder REPORT = new StringBuilder();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /**
     * Like a camera's file: sensor noise (so every frame costs bits), a keyframe every 250 frames
     * (8.3 s) and about 14 Mb/s, with stereo audio. Made once.
     */
    static synchronized Path cameraLikeSource() throws Exception {
        Files.createDirectories(WorksTestSupport.CLIPS);
        Path clip = WorksTestSupport.CLIPS.resolve("camera-like-1920x1080-60s.mp4");
        if (!Files.exists(clip)) {
            Path tmp = WorksTestSupport.CLIPS.resolve("tmp-camera-like.mp4");
            run(List.of(
                    "ffmpeg",
                    "-hide_banner",
                    "-v",
                    "error",
                    "-y",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc2=size=1920x1080:rate=30",
                    "-f",
                    "lavfi",
                    "-i",
                    "sine=frequency=440:sample_rate=48000",
                    "-t",
                    "60",
                    "-vf",
                    "noise=alls=12:allf=t+u",
                    "-c:v",
                    "libx264",
                    "-preset",
                    "ultrafast",
                    "-g",
                    "250",
                    "-keyint_min",
                    "250",
                    "-sc_threshold",
                    "0",
                    "-b:v",
                    "14M",
                    "-maxrate",
                    "16M",
                    "-bufsize",
                    "20M",
                    "-pix_fmt",
                    "yuv420p",
                    "-c:a",
                    "aac",
                    "-b:a",
                    "128k",
                    "-movflags",
                    "+faststart",
                    tmp.toString()));
            Files.move(tmp, clip);
        }
        return clip;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    /** Runs the commands one after the other; the seconds they took. */
    static double timed(List<List<String>> commands) throws Exception {
        long start = System.nanoTime();
        for (List<String> command : commands) {
            run(command);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void testPattern() throws Exception {
        measure(
                "ffmpeg test pattern, 1080p30 H.264 (x264 CRF 23, 2 s keyframes) + AAC",
                WorksTestSupport.clip(1920, 1080, 60));
    }

    @Test
    void cameraLike() throws Exception {
        measure("camera-like, 1080p30 H.264 (noise, 8.3 s keyframes, ~14 Mb/s) + AAC", cameraLikeSource());
    }

    private void measure(String name, Path clip) throws Exception {
        double oneDecodeBefore = timed(MediaBenchmarkAccess.bareOneDecode(clip, Files.createTempDirectory("bare")));
        double rungByRung = timed(MediaBenchmarkAccess.bareRungByRung(clip, Files.createTempDirectory("bare")));
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
        long completeAt;
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
            var row = data.jdbc()
                    .queryForMap("select state, renditions, streaming from media_assets where id = ?", assetId);
            long now = System.nanoTime();
            // What MediaApi calls playable: a finished rendition, or every rung's first segments.
            if (firstPlayable == 0 && (row.get("renditions") != null || Boolean.TRUE.equals(row.get("streaming")))) {
                firstPlayable = now;
            }
            if ("READY".equals(row.get("state"))) {
                ready = now;
            }
            assertThat(row.get("state")).isNotIn("FAILED", "REJECTED");
            Thread.sleep(50);
        }
        double oneDecodeAfter = timed(MediaBenchmarkAccess.bareOneDecode(clip, Files.createTempDirectory("bare")));
        double oneDecode = (oneDecodeBefore + oneDecodeAfter) / 2;
        double fastest = Math.min(oneDecode, rungByRung);
        double toFirst = (firstPlayable - completeAt) / 1e9;
        double toFull = (ready - completeAt) / 1e9;

        StringBuilder rungs = new StringBuilder();
        for (int height : MediaBenchmarkAccess.heights(clip)) {
            Path playlist = MediaBenchmarkAccess.renditionPlaylist(context, assetId, height);
            rungs.append(String.format(Locale.ROOT, "  %5dp  %s%n", height, quality(playlist, clip)));
        }
        String report = String.format(
                Locale.ROOT,
                "%n==== Cinely video pipeline: %s, 60 s, %d MB, ffmpeg adapter, %d cores ====%n"
                        + "ladder: %s%n"
                        + "upload complete -> first playable:  %5.1f s (target <= 10 s)%n"
                        + "upload complete -> full ladder:     %5.1f s (target: within 10%% of the fastest bare way; <= 60 s)%n"
                        + "bare ffmpeg, one decode, all rungs: %5.1f s (mean of %.1f before and %.1f after)%n"
                        + "bare ffmpeg, one run per rung:      %5.1f s%n"
                        + "pipeline vs the fastest bare way:   %+5.1f%% (target <= +10%%)%n"
                        + "per rung (stored files: average and peak segment bit rate, audio included; SSIM against the source, scaled up):%n%s",
                name,
                size / (1024 * 1024),
                Runtime.getRuntime().availableProcessors(),
                MediaBenchmarkAccess.ladderDescription(clip),
                toFirst,
                toFull,
                oneDecode,
                oneDecodeBefore,
                oneDecodeAfter,
                rungByRung,
                100 * (toFull - fastest) / fastest,
                rungs);
        System.out.println(report);
        synchronized (REPORT) {
            REPORT.append(report);
            Files.writeString(Path.of("target", "benchmark-video-pipeline.txt"), REPORT.toString());
        }
    }

    /** "avg 2,950 kb/s, peak 3,180 kb/s, SSIM 0.981 (17.2 dB)" for a stored rendition. */
    private static String quality(Path playlist, Path source) throws Exception {
        Path dir = playlist.getParent();
        double seconds = 0;
        double peak = 0;
        long bits = 0;
        Double pending = null;
        for (String line : Files.readAllLines(playlist)) {
            if (line.startsWith("#EXTINF:")) {
                pending = Double.parseDouble(line.substring(8, line.indexOf(',')));
            } else if (!line.startsWith("#") && !line.isBlank() && pending != null) {
                long segmentBits = Files.size(dir.resolve(line.trim())) * 8;
                bits += segmentBits;
                seconds += pending;
                peak = Math.max(peak, segmentBits / pending);
                pending = null;
            }
        }
        var probe = run(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=width,height",
                "-of",
                "csv=p=0",
                source.toString()));
        String[] size = probe.trim().split(",");
        String output = run(List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-i",
                playlist.toString(),
                "-i",
                source.toString(),
                "-lavfi",
                "[0:v]scale=" + size[0] + ":" + size[1] + ":flags=bicubic,format=yuv420p[d];"
                        + "[1:v]format=yuv420p[r];[d][r]ssim",
                "-f",
                "null",
                "-"));
        var ssim = java.util.regex.Pattern.compile("SSIM .*All:([0-9.]+) \\(([0-9.inf]+)\\)")
                .matcher(output);
        String quality = ssim.find()
                ? String.format(Locale.ROOT, "SSIM %.3f (%s dB)", Double.parseDouble(ssim.group(1)), ssim.group(2))
                : "SSIM not measured";
        return String.format(
                Locale.ROOT, "avg %,6.0f kb/s, peak %,6.0f kb/s, %s", bits / seconds / 1000, peak / 1000, quality);
    }
}
