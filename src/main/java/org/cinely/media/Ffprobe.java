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
 * with a decodable video stream, in a container we accept, within the size limits? Never trusts
 * the file name.
 *
 * <p>An upload is untrusted input. Left to guess, ffmpeg reads playlists (HLS), lists of files
 * (concat), image sequences and QuickTime references, each of which makes it open <em>other</em>
 * files on this server: a 300-byte "video" could play another member's private work. So every
 * ffmpeg and ffprobe run on an upload reads it only with the demuxers in {@link #DEMUXERS}, only
 * through the file protocol, and never follows a QuickTime data reference ({@link
 * #probeInputOptions}, {@link #inputOptions}).
 *
 * <p>One piece on purpose: the allow-list, the probe and the limits it checks are one security
 * boundary, read and reviewed together.
 */
class Ffprobe {

    /** The containers an upload may be, as ffprobe names them (format_name). */
    static final List<String> DEMUXERS = List.of("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "mpegts", "avi");

    private static final String FORMAT_WHITELIST = String.join(",", DEMUXERS);

    /** Limits checked from the header, before a single frame is decoded (a 16,000² PNG in MKV). */
    static final int MAX_SIDE = 8192;

    static final long MAX_PIXELS = 8192L * 4320; // 8K
    static final double MAX_FPS = 240;
    static final long MAX_DURATION_MS = 4L * 3600 * 1000;
    static final int MAX_STREAMS = 16;
    /** No single allocation of ffmpeg's may exceed this (an 8K frame in 16-bit RGBA is 283 MB). */
    static final String MAX_ALLOC = Long.toString(320L * 1024 * 1024);

    /** Input options for ffprobe: the allowed demuxers, files only, no QuickTime references. */
    static List<String> probeInputOptions() {
        return List.of("-format_whitelist", FORMAT_WHITELIST, "-protocol_whitelist", "file", "-enable_drefs", "0");
    }

    /**
     * Input options for ffmpeg on an upload whose container ffprobe named: that demuxer forced
     * (no second guess), files only, and for QuickTime no data references (ffmpeg, unlike
     * ffprobe, refuses a demuxer option the chosen demuxer lacks, so it is added only for mov).
     */
    static List<String> inputOptions(String formatName) {
        if (!DEMUXERS.contains(formatName)) {
            throw new IllegalArgumentException("Not an allowed container: " + formatName);
        }
        String demuxer = formatName.split(",")[0];
        List<String> options = new ArrayList<>(List.of(
                "-max_alloc",
                MAX_ALLOC,
                "-f",
                demuxer,
                "-format_whitelist",
                FORMAT_WHITELIST,
                "-protocol_whitelist",
                "file"));
        if ("mov".equals(demuxer)) {
            options.addAll(List.of("-enable_drefs", "0", "-use_absolute_path", "0"));
        }
        return options;
    }

    /** The path as a file: URL, so a name with a colon is never taken for another protocol. */
    static String fileUrl(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static final Logger log = LoggerFactory.getLogger(Ffprobe.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The outcome: either the facts about the video or why it is refused (a message key suffix). */
    record Probe(
            String rejection,
            long durationMs,
            int width,
            int height,
            String codec,
            boolean hasAudio,
            double fps,
            String format) {

        boolean accepted() {
            return rejection == null;
        }

        static Probe rejected(String reason) {
            return new Probe(reason, 0, 0, 0, null, false, 0, null);
        }

        Probe withFormat(String container) {
            return new Probe(rejection, durationMs, width, height, codec, hasAudio, fps, container);
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
        List<String> probeCommand = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        probeCommand.addAll(probeInputOptions());
        probeCommand.addAll(List.of("-print_format", "json", "-show_format", "-show_streams", fileUrl(file)));
        Result info = run(probeCommand);
        if (info.exit != 0) {
            log.info("ffprobe refused {}: {}", file.getFileName(), info.errorTail());
            return Probe.rejected(info.err.contains("not on whitelist") ? "format" : "not-video");
        }
        JsonNode root;
        try {
            root = JSON.readTree(info.out);
        } catch (RuntimeException e) {
            return Probe.rejected("not-video");
        }
        String format = root.path("format").path("format_name").asString("");
        if (!DEMUXERS.contains(format)) {
            // The whitelist already stops this; checked again here in case an ffprobe ignores it.
            log.info("Refused {}: container {} is not allowed", file.getFileName(), format);
            return Probe.rejected("format");
        }
        JsonNode video = null;
        boolean audio = false;
        int streams = root.path("streams").size();
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
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        double fps = frameRate(video.path("avg_frame_rate").asString(""));
        String limit = overLimit(width, height, fps, (long) (seconds * 1000), streams);
        if (limit != null) {
            log.info(
                    "Refused {}: {}x{}, {} fps, {} s, {} streams ({})",
                    file.getFileName(),
                    width,
                    height,
                    fps,
                    seconds,
                    streams,
                    limit);
            return Probe.rejected(limit);
        }
        // The header can look right on a damaged file: decode the first frames to be sure.
        List<String> decodeCommand = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-xerror"));
        decodeCommand.addAll(inputOptions(format));
        decodeCommand.addAll(List.of("-i", fileUrl(file), "-map", "0:v:0", "-frames:v", "3", "-f", "null", "-"));
        Result decode = run(decodeCommand);
        if (decode.exit != 0) {
            log.info("ffmpeg could not decode {}: {}", file.getFileName(), decode.errorTail());
            return Probe.rejected("undecodable");
        }
        return new Probe(
                null,
                (long) (seconds * 1000),
                width,
                height,
                video.path("codec_name").asString(""),
                audio,
                fps,
                format);
    }

    /** H.264 profiles every browser's decoder plays, in 8-bit 4:2:0. */
    static final List<String> PLAYABLE_PROFILES = List.of("Constrained Baseline", "Baseline", "Main", "High");

    /**
     * Whether the source's video stream can go out as it is: 8-bit 4:2:0 in a profile browsers
     * decode. A High 4:4:4 or 10-bit stream plays almost nowhere, so it is re-encoded, never copied.
     */
    boolean playableAsIs(Path file) throws IOException {
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        command.addAll(probeInputOptions());
        command.addAll(List.of(
                "-select_streams", "v:0", "-show_entries", "stream=pix_fmt,profile", "-of", "csv=p=0", fileUrl(file)));
        Result result = run(command);
        if (result.exit != 0) {
            return false;
        }
        String[] fields = result.out.trim().split(",");
        // csv prints the entries in the stream's own order: profile, then pix_fmt
        List<String> values = List.of(fields);
        return values.contains("yuv420p") && values.stream().anyMatch(PLAYABLE_PROFILES::contains);
    }

    /** One video packet of a source: its time, size and whether it starts a keyframe. */
    record Packet(double seconds, long bytes, boolean key) {}

    /**
     * The source's video packets (no decoding: timestamps, sizes and key flags only), read with the
     * same restrictions as the probe, to decide whether a rung may be copied as is.
     */
    List<Packet> videoPackets(Path file) throws IOException {
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        command.addAll(probeInputOptions());
        command.addAll(List.of(
                "-select_streams",
                "v:0",
                "-show_entries",
                "packet=pts_time,size,flags",
                "-of",
                "csv=p=0",
                fileUrl(file)));
        Result result = run(command);
        if (result.exit != 0) {
            throw new IOException("ffprobe could not list the packets: " + result.errorTail());
        }
        List<Packet> packets = new ArrayList<>();
        for (String line : result.out.split("\n")) {
            String[] fields = line.trim().split(",");
            if (fields.length < 3 || "N/A".equals(fields[0])) {
                continue;
            }
            try {
                packets.add(new Packet(
                        Double.parseDouble(fields[0]), Long.parseLong(fields[1]), fields[2].startsWith("K")));
            } catch (NumberFormatException ignored) {
                // a packet without a timestamp tells nothing about segment boundaries
            }
        }
        packets.sort(java.util.Comparator.comparingDouble(Packet::seconds));
        return packets;
    }

    /** Which limit the video's header breaks (a message key suffix), or null. */
    static String overLimit(int width, int height, double fps, long durationMs, int streams) {
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            return "too-many-pixels";
        }
        if (fps > MAX_FPS) {
            return "frame-rate";
        }
        if (durationMs > MAX_DURATION_MS) {
            return "too-long";
        }
        if (streams > MAX_STREAMS) {
            return "streams";
        }
        return null;
    }

    /** The container of a file that was accepted before (its format is not kept in the row). */
    String formatOf(Path file) throws IOException {
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        command.addAll(probeInputOptions());
        command.addAll(List.of("-show_entries", "format=format_name", "-of", "csv=p=0", fileUrl(file)));
        Result result = run(command);
        String format = result.out.strip().replace("\"", "");
        return result.exit == 0 && DEMUXERS.contains(format) ? format : null;
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
