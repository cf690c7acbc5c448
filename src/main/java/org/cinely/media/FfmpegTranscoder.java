package org.cinely.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcodes with the ffmpeg program, run as an external process (never inside the JVM): one
 * process per rendition, lowest first so the work plays as early as possible; a rendition the
 * source already matches (H.264 at that size) is copied instead of re-encoded. Progress comes
 * from ffmpeg's {@code -progress} output. One class: the ladder, the process handling and the
 * progress parsing change together whenever ffmpeg's command line does.
 */
class FfmpegTranscoder implements Transcoder {

    private static final Logger log = LoggerFactory.getLogger(FfmpegTranscoder.class);

    private final Ffprobe tools;
    private final MediaStore store;
    private final Path workDir;
    private final String preset;

    FfmpegTranscoder(Ffprobe tools, MediaStore store, Path workDir, String preset) {
        this(tools, store, workDir, preset, DEFAULT_TIME_LIMIT_FACTOR, DEFAULT_TIME_LIMIT_FLOOR);
    }

    FfmpegTranscoder(
            Ffprobe tools,
            MediaStore store,
            Path workDir,
            String preset,
            double timeLimitFactor,
            java.time.Duration timeLimitFloor) {
        this.tools = tools;
        this.store = store;
        this.workDir = workDir;
        this.preset = preset;
        this.timeLimitFactor = timeLimitFactor;
        this.timeLimitFloor = timeLimitFloor;
    }

    /** Each ffmpeg run may take this many times the clip's duration (at least the floor), then it is killed. */
    static final double DEFAULT_TIME_LIMIT_FACTOR = 10;

    static final java.time.Duration DEFAULT_TIME_LIMIT_FLOOR = java.time.Duration.ofMinutes(2);

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ffmpeg-watchdog");
                thread.setDaemon(true);
                return thread;
            });

    private final double timeLimitFactor;
    private final java.time.Duration timeLimitFloor;

    /** How long one ffmpeg run on this clip may take: proportional to its duration, never below the floor. */
    java.time.Duration timeLimit(long durationMs) {
        long ms = Math.max(timeLimitFloor.toMillis(), (long) (durationMs * timeLimitFactor));
        return java.time.Duration.ofMillis(ms);
    }

    /** Kills the run (and anything it started) when it overruns; cancel the returned task when it ends. */
    private java.util.concurrent.ScheduledFuture<?> watch(
            Process process, java.time.Duration limit, java.util.concurrent.atomic.AtomicBoolean overran) {
        return WATCHDOG.schedule(
                () -> {
                    overran.set(true);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                },
                limit.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "ffmpeg";
    }

    @Override
    public boolean available() {
        return tools.available();
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public Outcome run(Task task, Sink sink) throws IOException, UnavailableException {
        if (!tools.available()) {
            throw new UnavailableException("ffmpeg is not installed or does not run", null);
        }
        // One directory per run, not per job: a run that lost its claim (paused while another
        // worker took the job) must never write into the files of the run that took over.
        Path dir = Files.createDirectories(workDir.resolve("job-" + task.jobId() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8)));
        try {
            Path source = localSource(task, dir);
            // Read with the container's own demuxer only (see Ffprobe): probed again, as the row
            // keeps the facts of an upload but not its container.
            String format = task.probe().format() != null ? task.probe().format() : tools.formatOf(source);
            if (format == null) {
                return new Failed("transcode-failed", false);
            }
            Ffprobe.Probe probe = task.probe().withFormat(format);
            // Lowest rung first (playable soonest), then the cheap copies, then the other encodes.
            List<Ladder.Rung> remaining = decideCopies(task.ladder(), source, probe).stream()
                    .filter(rung -> !task.alreadyDone().contains(rung.height()))
                    .toList();
            List<Ladder.Rung> todo = new ArrayList<>();
            if (!remaining.isEmpty()) {
                todo.add(remaining.get(0));
                remaining.stream().skip(1).filter(Ladder.Rung::copy).forEach(todo::add);
                remaining.stream().skip(1).filter(rung -> !rung.copy()).forEach(todo::add);
            }
            double total = todo.stream().mapToDouble(FfmpegTranscoder::weight).sum();
            double done = 0;
            boolean posterDone = false;
            for (Ladder.Rung rung : todo) {
                Path out = Files.createDirectories(dir.resolve(Integer.toString(rung.height())));
                double before = done;
                double share = weight(rung);
                int exit = encode(
                        source,
                        out,
                        rung,
                        probe,
                        fraction -> sink.progress(
                                (int) Math.min(99, Math.round(100 * (before + share * fraction) / total))));
                if (exit != 0) {
                    return new Failed("transcode-failed", true);
                }
                long bytes = storeDirectory(out, task.outputPrefix() + rung.height() + "/");
                sink.renditionReady(rung, bytes);
                done += share;
                if (!posterDone) {
                    posterDone = poster(source, dir, task, probe, sink);
                }
            }
            if (!posterDone && todo.isEmpty()) {
                poster(source, dir, task, probe, sink);
            }
            sink.progress(100);
            return new Done();
        } finally {
            deleteTree(dir);
        }
    }

    /** Rungs the ladder would copy are copied only if the source's keyframes and bitrate fit them. */
    private List<Ladder.Rung> decideCopies(List<Ladder.Rung> ladder, Path source, Ffprobe.Probe probe) {
        if (ladder.stream().noneMatch(Ladder.Rung::copy)) {
            return ladder;
        }
        List<Ffprobe.Packet> packets;
        try {
            packets = tools.playableAsIs(source) ? tools.videoPackets(source) : List.of();
        } catch (IOException e) {
            log.info("Source packets not readable ({}); every rung is re-encoded", e.getMessage());
            packets = List.of();
        }
        List<Ffprobe.Packet> read = packets;
        return ladder.stream()
                .map(rung -> {
                    if (!rung.copy() || Ladder.copyFits(read, rung, probe.fps())) {
                        return rung;
                    }
                    log.info(
                            "{}p is re-encoded: the source's profile, keyframes or bitrate do not fit the rung",
                            rung.height());
                    return new Ladder.Rung(rung.height(), rung.width(), rung.videoKbps(), false);
                })
                .toList();
    }

    private static double weight(Ladder.Rung rung) {
        return rung.copy() ? 0.05 : (double) rung.height() * rung.height() / (360.0 * 360.0);
    }

    private Path localSource(Task task, Path dir) throws IOException {
        if (store instanceof LocalMediaStore local) {
            return local.root().resolve(task.sourceKey());
        }
        Path copy = dir.resolve("source");
        store.download(task.sourceKey(), copy);
        return copy;
    }

    /** The ffmpeg arguments for one rendition (also used by the benchmark's bare run). */
    static List<String> command(
            String ffmpeg, Path source, Path out, Ladder.Rung rung, Ffprobe.Probe probe, String preset) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-v", "error"));
        cmd.addAll(Ffprobe.inputOptions(probe.format()));
        cmd.addAll(List.of("-i", Ffprobe.fileUrl(source), "-map", "0:v:0", "-map", "0:a:0?"));
        if (rung.copy()) {
            cmd.addAll(List.of("-c:v", "copy"));
        } else {
            int gop = (int) Math.max(1, Math.round(probe.fps() * 2));
            cmd.addAll(List.of(
                    "-c:v",
                    "libx264",
                    "-preset",
                    rung.height() <= 360 ? "veryfast" : preset,
                    "-pix_fmt",
                    "yuv420p",
                    "-vf",
                    "scale=-2:" + rung.height(),
                    "-b:v",
                    rung.videoKbps() + "k",
                    "-maxrate",
                    (rung.videoKbps() * 107 / 100) + "k",
                    "-bufsize",
                    (rung.videoKbps() * 3 / 2) + "k",
                    "-g",
                    Integer.toString(gop),
                    "-keyint_min",
                    Integer.toString(gop),
                    "-sc_threshold",
                    "0",
                    "-force_key_frames",
                    "expr:gte(t,n_forced*2)"));
        }
        if (probe.hasAudio()) {
            cmd.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        }
        cmd.addAll(List.of(
                "-f",
                "hls",
                "-hls_time",
                "4",
                "-hls_playlist_type",
                "vod",
                "-hls_segment_type",
                "fmp4",
                "-hls_fmp4_init_filename",
                "init.mp4",
                "-hls_segment_filename",
                out.resolve("seg_%05d.m4s").toString(),
                "-progress",
                "pipe:1",
                "-nostats",
                out.resolve("index.m3u8").toString()));
        return cmd;
    }

    interface Fraction {
        void done(double fraction);
    }

    private int encode(Path source, Path out, Ladder.Rung rung, Ffprobe.Probe probe, Fraction progress)
            throws IOException, UnavailableException {
        List<String> cmd = command(tools.ffmpegCommand(), source, out, rung, probe, preset);
        Process process;
        try {
            process = new ProcessBuilder(cmd)
                    .redirectError(out.resolve("ffmpeg.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UnavailableException("ffmpeg could not be started", e);
        }
        double durationUs = Math.max(1, probe.durationMs() * 1000.0);
        var overran = new java.util.concurrent.atomic.AtomicBoolean();
        var watchdog = watch(process, timeLimit(probe.durationMs()), overran);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long lastReport = 0;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("out_time_us=") || line.startsWith("out_time_ms=")) {
                    try {
                        long us = Long.parseLong(
                                line.substring(line.indexOf('=') + 1).trim());
                        long now = System.nanoTime();
                        if (now - lastReport > 500_000_000L) {
                            progress.done(Math.min(1, us / durationUs));
                            lastReport = now;
                        }
                    } catch (NumberFormatException ignored) {
                        // "N/A" before the first frame
                    }
                }
            }
            int exit = process.waitFor();
            if (overran.get()) {
                // Killed for taking too long: nothing it wrote is kept; the attempt fails and is retried.
                log.warn("ffmpeg overran its {} limit for {}p; killed", timeLimit(probe.durationMs()), rung.height());
                deleteTree(out);
                return -1;
            }
            if (exit != 0) {
                Path logFile = out.resolve("ffmpeg.log");
                String tail = Files.exists(logFile) ? Files.readString(logFile) : "";
                log.warn(
                        "ffmpeg exited with {} for {}p: {}",
                        exit,
                        rung.height(),
                        tail.length() > 500 ? tail.substring(tail.length() - 500) : tail);
                if (tail.contains("No space left on device")) {
                    // The work directory is full: a storage fault, which waits, not a bad video.
                    throw new java.nio.file.FileSystemException(out.toString(), null, "No space left on device");
                }
            }
            return exit;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while transcoding", e);
        } finally {
            watchdog.cancel(false);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private boolean poster(Path source, Path dir, Task task, Ffprobe.Probe probe, Sink sink) throws IOException {
        Path poster = dir.resolve("poster.jpg");
        double at = Math.min(1.0, probe.durationMs() / 2000.0);
        List<String> cmd =
                new ArrayList<>(List.of(tools.ffmpegCommand(), "-hide_banner", "-nostdin", "-y", "-v", "error"));
        cmd.addAll(Ffprobe.inputOptions(probe.format()));
        cmd.addAll(List.of(
                "-ss",
                String.format(Locale.ROOT, "%.2f", at),
                "-i",
                Ffprobe.fileUrl(source),
                "-frames:v",
                "1",
                "-vf",
                "scale=-2:'min(720,ih)'",
                "-q:v",
                "4",
                poster.toString()));
        try {
            Process process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(
                    timeLimit(probe.durationMs()).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0 || !Files.exists(poster)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String key = task.outputPrefix() + "poster.jpg";
        store.put(key, poster, "image/jpeg");
        sink.posterReady(key);
        return true;
    }

    /** Uploads a rendition's files, segments first and the playlist last. */
    private long storeDirectory(Path dir, String prefix) throws IOException {
        long bytes = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(path -> !path.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing(
                                    (Path path) -> path.getFileName().toString().endsWith(".m3u8"))
                            .thenComparing(Path::toString))
                    .toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            bytes += Files.size(file);
            if (store instanceof LocalMediaStore local) {
                local.moveIn(prefix + name, file); // same disk: a rename, not a copy
            } else {
                store.put(prefix + name, file, MediaStore.contentTypeOf(name));
            }
        }
        return bytes;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.debug("Could not remove {}", dir, e);
        }
    }
}
