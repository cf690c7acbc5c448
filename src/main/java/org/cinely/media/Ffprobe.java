package org.cinely.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a file by its content with ffprobe (and a short decode with ffmpeg): is it a video
 * with a decodable video stream? Never trusts the file name.
 */
class Ffprobe {

    private static final Logger log = LoggerFactory.getLogger(Ffprobe.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The outcome: either the facts about the video or why it is refused (a message key suffix). */
    record Probe(String rejection, long durationMs, int width, int height, String codec, boolean hasAudio, double fps) {

        boolean accepted() {
            return rejection == null;
        }

        static Probe rejected(String reason) {
            return new Probe(reason, 0, 0, 0, null, false, 0);
        }
    }

    private final String ffprobe;
    private final String ffmpeg;
    private volatile long checkedAt;
    private volatile boolean available;

    Ffprobe(String ffprobe, String ffmpeg) {
        this.ffprobe = ffprobe;
        this.ffmpeg = ffmpeg;
    }

    String ffmpegCommand() {
        return ffmpeg;
    }

    /** Whether ffmpeg and ffprobe run here (checked at most every 30 seconds). */
    boolean available() {
        long now = System.nanoTime();
        if (checkedAt == 0 || now - checkedAt > Duration.ofSeconds(30).toNanos()) {
            available = runs(ffprobe) && runs(ffmpeg);
            checkedAt = now;
        }
        return available;
    }

    private static boolean runs(String program) {
        try {
            Process process = new ProcessBuilder(program, "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Probes the file. Throws {@link IOException} only when the tools cannot be run (the check
     * is then retried later); a file that is not a video comes back rejected.
     */
    Probe probe(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return Probe.rejected("empty");
        }
        Result info = run(List.of(
                ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()));
        if (info.exit != 0) {
            log.info("ffprobe refused {}: {}", file.getFileName(), info.errorTail());
            return Probe.rejected("not-video");
        }
        JsonNode root;
        try {
            root = JSON.readTree(info.out);
        } catch (RuntimeException e) {
            return Probe.rejected("not-video");
        }
        JsonNode video = null;
        boolean audio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            if ("video".equals(type)
                    && video == null
                    && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                video = stream;
            } else if ("audio".equals(type)) {
                audio = true;
            }
        }
        if (video == null
                || video.path("width").asInt(0) <= 0
                || video.path("height").asInt(0) <= 0) {
            return Probe.rejected("no-video-stream");
        }
        double seconds = root.path("format").path("duration").asDouble(0);
        if (seconds <= 0) {
            seconds = video.path("duration").asDouble(0);
        }
        // The header can look right on a damaged file: decode the first frames to be sure.
        Result decode = run(List.of(
                ffmpeg,
                "-v",
                "error",
                "-xerror",
                "-i",
                file.toString(),
                "-map",
                "0:v:0",
                "-frames:v",
                "3",
                "-f",
                "null",
                "-"));
        if (decode.exit != 0) {
            log.info("ffmpeg could not decode {}: {}", file.getFileName(), decode.errorTail());
            return Probe.rejected("undecodable");
        }
        return new Probe(
                null,
                (long) (seconds * 1000),
                video.path("width").asInt(),
                video.path("height").asInt(),
                video.path("codec_name").asString(""),
                audio,
                frameRate(video.path("avg_frame_rate").asString("")));
    }

    private static double frameRate(String ratio) {
        try {
            String[] parts = ratio.split("/");
            double rate = parts.length == 2
                    ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                    : Double.parseDouble(ratio);
            return Double.isFinite(rate) && rate > 0 ? rate : 30;
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    private record Result(int exit, String out, String err) {
        String errorTail() {
            return err.length() > 300 ? err.substring(err.length() - 300) : err;
        }
    }

    private static Result run(List<String> command) throws IOException {
        Path out = Files.createTempFile("cinely-probe", ".out");
        Path err = Files.createTempFile("cinely-probe", ".err");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "", "timed out");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while probing", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
