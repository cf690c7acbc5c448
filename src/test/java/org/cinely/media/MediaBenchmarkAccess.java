package org.cinely.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cinely.platform.admin.AdminMetrics;
import org.jooq.DSLContext;

/**
 * The bare ffmpeg commands the pipeline runs for a source, for the benchmark to time on their own;
 * and the module's dashboard figures on a given database, for the admin dashboard benchmark.
 */
public final class MediaBenchmarkAccess {

    private MediaBenchmarkAccess() {}

    public static AdminMetrics metrics(DSLContext dsl, Clock clock) {
        return new MediaMetrics(dsl, clock);
    }

    private static Ffprobe.Probe probe(Path source) throws IOException {
        Ffprobe.Probe probe = new Ffprobe("ffprobe", "ffmpeg").probe(source);
        if (!probe.accepted()) {
            throw new IllegalStateException("not a video: " + probe.rejection());
        }
        return probe;
    }

    public static String ladderDescription(Path source) throws IOException {
        Ffprobe.Probe probe = probe(source);
        List<String> rungs = new ArrayList<>();
        for (Ladder.Rung rung : Ladder.forSource(probe.width(), probe.height(), probe.codec())) {
            rungs.add(rung.height() + "p " + (rung.copy() ? "copied" : "libx264 " + rung.videoKbps() + " kb/s"));
        }
        return String.join(", ", rungs);
    }

    public static List<List<String>> bareCommands(Path source, Path out) throws IOException {
        Ffprobe.Probe probe = probe(source);
        List<List<String>> commands = new ArrayList<>();
        for (Ladder.Rung rung : Ladder.forSource(probe.width(), probe.height(), probe.codec())) {
            Path dir = Files.createDirectories(out.resolve(Integer.toString(rung.height())));
            List<String> command =
                    new ArrayList<>(FfmpegTranscoder.command("ffmpeg", source, dir, rung, probe, "veryfast"));
            int progress = command.indexOf("-progress");
            command.remove(progress + 1);
            command.remove(progress);
            commands.add(command);
        }
        commands.add(List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-y",
                "-v",
                "error",
                "-ss",
                String.format(Locale.ROOT, "%.2f", Math.min(1.0, probe.durationMs() / 2000.0)),
                "-i",
                source.toString(),
                "-frames:v",
                "1",
                "-vf",
                "scale=-2:'min(720,ih)'",
                "-q:v",
                "4",
                out.resolve("poster.jpg").toString()));
        return commands;
    }
}
