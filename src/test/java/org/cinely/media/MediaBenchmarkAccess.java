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

    /** The ladder the pipeline makes of this source: copies only where they fit (see Ladder.copyFits). */
    private static List<Ladder.Rung> ladder(Path source) throws IOException {
        Ffprobe.Probe probe = probe(source);
        return FfmpegTranscoder.decideCopies(
                new Ffprobe("ffprobe", "ffmpeg"),
                Ladder.forSource(probe.width(), probe.height(), probe.codec()),
                source,
                probe);
    }

    public static String ladderDescription(Path source) throws IOException {
        List<String> rungs = new ArrayList<>();
        for (Ladder.Rung rung : ladder(source)) {
            rungs.add(rung.height() + "p " + (rung.copy() ? "copied" : "libx264 " + rung.videoKbps() + " kb/s"));
        }
        return String.join(", ", rungs);
    }

    /** The pipeline's ladder the way it ran before: one ffmpeg run per rung, then the poster. */
    public static List<List<String>> bareRungByRung(Path source, Path out) throws IOException {
        Ffprobe.Probe probe = probe(source);
        List<List<String>> commands = new ArrayList<>();
        for (Ladder.Rung rung : ladder(source)) {
            Path dir = Files.createDirectories(out.resolve(Integer.toString(rung.height())));
            commands.add(withoutProgress(FfmpegTranscoder.command("ffmpeg", source, dir, rung, probe, "veryfast")));
        }
        commands.add(poster(source, out, probe));
        return commands;
    }

    /** The same ladder from one decode feeding every rung (ffmpeg's fastest way), then the poster. */
    public static List<List<String>> bareOneDecode(Path source, Path out) throws IOException {
        Ffprobe.Probe probe = probe(source);
        List<Ladder.Rung> rungs = ladder(source);
        for (Ladder.Rung rung : rungs) {
            Files.createDirectories(out.resolve(Integer.toString(rung.height())));
        }
        return List.of(
                withoutProgress(FfmpegTranscoder.ladderCommand(
                        "ffmpeg",
                        source,
                        rungs,
                        rung -> out.resolve(Integer.toString(rung.height())),
                        probe,
                        "veryfast")),
                poster(source, out, probe));
    }

    /** Where a stored rendition's playlist is, with the default local media store. */
    public static Path renditionPlaylist(
            org.springframework.context.ApplicationContext context, long assetId, int height) {
        LocalMediaStore store = (LocalMediaStore) context.getBean(MediaStore.class);
        return store.root().resolve(Asset.prefix(assetId) + "hls/" + height + "/index.m3u8");
    }

    /** The heights of the ladder the pipeline makes of this source, lowest first. */
    public static List<Integer> heights(Path source) throws IOException {
        return ladder(source).stream().map(Ladder.Rung::height).toList();
    }

    private static List<String> withoutProgress(List<String> command) {
        List<String> copy = new ArrayList<>(command);
        int progress = copy.indexOf("-progress");
        copy.remove(progress + 1);
        copy.remove(progress);
        copy.remove("-nostats");
        return copy;
    }

    private static List<String> poster(Path source, Path out, Ffprobe.Probe probe) {
        return List.of(
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
                out.resolve("poster.jpg").toString());
    }
}
