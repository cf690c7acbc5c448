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
 * run makes the whole ladder from a single decode, and each segment is stored as it closes, so
 * the work plays within seconds of the upload while the rest is written (see
 * {@link GrowingRendition}); a rung the source already fits is copied instead of re-encoded
 * (see {@link Ladder#copyFits}). Progress comes from ffmpeg's {@code -progress} output. One
 * class: the ladder, the process handling and the progress parsing change together whenever
 * ffmpeg's command line does.
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

    /** Posters are made beside the ladder run, one short ffmpeg run each. */
    private static final java.util.concurrent.ExecutorService POSTERS =
            java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "ffmpeg-poster");
                thread.setDaemon(true);
                return thread;
            });

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

    /**
     * The next line of ffmpeg's progress, or null at its end. The watchdog's kill closes the
     * process's streams (the JDK does so in destroyForcibly), so a read under way then fails with
     * "Stream closed": for an overrun that is the end of the output, not an error.
     */
    private static String readLine(BufferedReader lines, java.util.concurrent.atomic.AtomicBoolean overran)
            throws IOException {
        try {
            return lines.readLine();
        } catch (IOException e) {
            if (overran.get()) {
                return null;
            }
            throw e;
        }
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
            List<Ladder.Rung> todo = decideCopies(task.ladder(), source, probe).stream()
                    .filter(rung -> !task.alreadyDone().contains(rung.height()))
                    .toList();
            // The poster is made beside the ladder (a single frame, a second's work), so the
            // page has it by the time the first segments play.
            var poster = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return poster(source, dir, task, probe, sink);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    POSTERS);
            try {
                if (!todo.isEmpty() && !ladder(source, dir, todo, task, probe, sink)) {
                    return new Failed("transcode-failed", true);
                }
            } finally {
                try {
                    poster.join();
                } catch (java.util.concurrent.CompletionException e) {
                    log.warn(
                            "No poster for job {}: {}",
                            task.jobId(),
                            e.getCause().toString());
                }
            }
            sink.progress(100);
            return new Done();
        } finally {
            deleteTree(dir);
        }
    }

    /** Rungs the ladder would copy are copied only if the source's keyframes and bitrate fit them. */
    private List<Ladder.Rung> decideCopies(List<Ladder.Rung> ladder, Path source, Ffprobe.Probe probe) {
        return decideCopies(tools, ladder, source, probe);
    }

    /** The ladder as this source will be made: rungs whose copy does not fit are re-encoded. */
    static List<Ladder.Rung> decideCopies(Ffprobe tools, List<Ladder.Rung> ladder, Path source, Ffprobe.Probe probe) {
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

    private Path localSource(Task task, Path dir) throws IOException {
        if (store instanceof LocalMediaStore local) {
            return local.root().resolve(task.sourceKey());
        }
        Path copy = dir.resolve("source");
        store.download(task.sourceKey(), copy);
        return copy;
    }

    /**
     * The ffmpeg arguments for the whole ladder in one run: the source is decoded once and each
     * rung is scaled from it and encoded (or its video copied) into its own HLS rendition under
     * {@code outDir(rung)}. One decode feeding every rung is the fastest way ffmpeg has to make a
     * ladder (one run per rung decoded the source once per rung: 2.3 times slower for a 1080p
     * camera clip here), and every rung grows at the same pace, so they all play early. The
     * playlists are EVENT playlists: written as each segment closes, ended when the run ends.
     */
    static List<String> ladderCommand(
            String ffmpeg,
            Path source,
            List<Ladder.Rung> rungs,
            java.util.function.Function<Ladder.Rung, Path> outDir,
            Ffprobe.Probe probe,
            String preset) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-v", "error"));
        cmd.addAll(List.of("-progress", "pipe:1", "-nostats"));
        cmd.addAll(Ffprobe.inputOptions(probe.format()));
        cmd.addAll(List.of("-i", Ffprobe.fileUrl(source)));
        List<Ladder.Rung> encoded = rungs.stream().filter(rung -> !rung.copy()).toList();
        if (!encoded.isEmpty()) {
            StringBuilder graph = new StringBuilder("[0:v:0]");
            if (encoded.size() > 1) {
                graph.append("split=").append(encoded.size());
                for (int i = 0; i < encoded.size(); i++) {
                    graph.append("[s").append(i).append(']');
                }
                graph.append(';');
            }
            for (int i = 0; i < encoded.size(); i++) {
                if (encoded.size() > 1) {
                    graph.append("[s").append(i).append(']');
                }
                graph.append("scale=-2:")
                        .append(encoded.get(i).height())
                        .append(",format=yuv420p[v")
                        .append(encoded.get(i).height())
                        .append("]");
                if (i < encoded.size() - 1) {
                    graph.append(';');
                }
            }
            cmd.addAll(List.of("-filter_complex", graph.toString()));
        }
        int gop = (int) Math.max(1, Math.round(probe.fps() * 2));
        for (Ladder.Rung rung : rungs) {
            Path out = outDir.apply(rung);
            if (rung.copy()) {
                cmd.addAll(List.of("-map", "0:v:0", "-c:v", "copy"));
            } else {
                cmd.addAll(List.of(
                        "-map",
                        "[v" + rung.height() + "]",
                        "-c:v",
                        "libx264",
                        "-preset",
                        rung.height() <= 360 ? "veryfast" : preset,
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
            cmd.addAll(List.of("-map", "0:a:0?"));
            if (probe.hasAudio()) {
                cmd.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
            }
            cmd.addAll(List.of(
                    "-f",
                    "hls",
                    "-hls_time",
                    Integer.toString((int) Ladder.SEGMENT_SECONDS),
                    "-hls_list_size",
                    "0",
                    "-hls_playlist_type",
                    "event",
                    "-hls_segment_type",
                    "fmp4",
                    "-hls_fmp4_init_filename",
                    "init.mp4",
                    "-hls_segment_filename",
                    out.resolve("seg_%05d.m4s").toString(),
                    out.resolve("index.m3u8").toString()));
        }
        return cmd;
    }

    /** One rendition on its own (the way the pipeline ran before; the benchmark times it as a bare way). */
    static List<String> command(
            String ffmpeg, Path source, Path out, Ladder.Rung rung, Ffprobe.Probe probe, String preset) {
        return ladderCommand(ffmpeg, source, List.of(rung), any -> out, probe, preset);
    }

    /**
     * Makes the rungs in one ffmpeg run, storing each segment as it closes. Once every rung has
     * its first segment stored the sink hears the video can stream; when the run ends each rung is
     * closed and reported ready, lowest first. False when ffmpeg failed or overran its time limit.
     */
    private boolean ladder(Path source, Path dir, List<Ladder.Rung> rungs, Task task, Ffprobe.Probe probe, Sink sink)
            throws IOException, UnavailableException {
        List<GrowingRendition> renditions = new ArrayList<>();
        for (Ladder.Rung rung : rungs) {
            Path out = Files.createDirectories(dir.resolve(Integer.toString(rung.height())));
            renditions.add(new GrowingRendition(rung, out, task.outputPrefix() + rung.height() + "/", store));
        }
        List<String> cmd = ladderCommand(
                tools.ffmpegCommand(),
                source,
                rungs,
                rung -> dir.resolve(Integer.toString(rung.height())),
                probe,
                preset);
        Path logFile = dir.resolve("ffmpeg.log");
        Process process;
        try {
            process = new ProcessBuilder(cmd).redirectError(logFile.toFile()).start();
        } catch (IOException e) {
            throw new UnavailableException("ffmpeg could not be started", e);
        }
        double durationUs = Math.max(1, probe.durationMs() * 1000.0);
        java.time.Duration limit = timeLimit(probe.durationMs());
        var overran = new java.util.concurrent.atomic.AtomicBoolean();
        var watchdog = watch(process, limit, overran);
        boolean streaming = false;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = readLine(lines, overran)) != null) {
                if (line.startsWith("out_time_us=")) {
                    try {
                        long us = Long.parseLong(
                                line.substring(line.indexOf('=') + 1).trim());
                        sink.progress((int) Math.min(99, Math.round(100 * us / durationUs)));
                    } catch (NumberFormatException ignored) {
                        // "N/A" before the first frame
                    }
                } else if (line.startsWith("progress=")) {
                    // ffmpeg reports every half second: store what has closed since.
                    for (GrowingRendition rendition : renditions) {
                        rendition.publish(false);
                    }
                    if (!streaming && renditions.stream().allMatch(r -> r.segmentsStored() > 0)) {
                        streaming = true;
                        sink.streaming(rungs);
                    }
                }
            }
            int exit = process.waitFor();
            if (overran.get()) {
                // Killed for taking too long: nothing it wrote is kept; the attempt fails and is retried.
                log.warn("ffmpeg overran its {} limit for job {}; killed", limit, task.jobId());
                discard(renditions);
                return false;
            }
            if (exit != 0) {
                String tail = Files.exists(logFile) ? Files.readString(logFile) : "";
                log.warn(
                        "ffmpeg exited with {} for job {}: {}",
                        exit,
                        task.jobId(),
                        tail.length() > 500 ? tail.substring(tail.length() - 500) : tail);
                if (tail.contains("No space left on device")) {
                    // The work directory is full: a storage fault, which waits, not a bad video.
                    throw new java.nio.file.FileSystemException(dir.toString(), null, "No space left on device");
                }
                discard(renditions);
                return false;
            }
            for (GrowingRendition rendition : renditions) {
                rendition.publish(true);
            }
            for (GrowingRendition rendition : renditions) {
                sink.renditionReady(rendition.rung(), rendition.bytes());
            }
            return true;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while transcoding", e);
        } finally {
            watchdog.cancel(false);
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
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

    /** A failed or killed run keeps nothing: its files here and what it had stored are removed. */
    private void discard(List<GrowingRendition> renditions) {
        for (GrowingRendition rendition : renditions) {
            deleteTree(rendition.dir());
            try {
                store.deleteAll(rendition.prefix());
            } catch (IOException e) {
                log.warn("Could not remove the partial rendition under {}: {}", rendition.prefix(), e.toString());
            }
        }
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
