package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The ladder the site's ffmpeg transcoder makes, read back from the files as a player would read
 * them, for a source fit to be copied and for a camera-like one (long GOP, high bitrate) that must
 * not be: the copy decision, every segment within its playlist's target duration, segment
 * boundaries aligned across rungs, and a master playlist that declares per RFC 8216 the measured
 * peak (BANDWIDTH) and average bit rate, CODECS of the produced streams, RESOLUTION and FRAME-RATE.
 */
class LadderRulesIntegrationTests {

    static final Path ROOT = Path.of("target", "ladder-rules").toAbsolutePath();
    static final Ffprobe TOOLS = new Ffprobe("ffprobe", "ffmpeg");

    @BeforeAll
    static void clean() throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
    }

    /** What a transcode stored: the rungs as actually made (copied or not) and the master playlist. */
    record Ladder(List<org.cinely.media.Ladder.Rung> made, String master, Path hls) {}

    static Path source(String name, String video, String... encoding) throws Exception {
        Path file = ROOT.resolve(name + ".mp4");
        List<String> command = new ArrayList<>(List.of(
                "ffmpeg",
                "-hide_banner",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                video,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                "9",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-pix_fmt",
                "yuv420p"));
        command.addAll(List.of(encoding));
        command.addAll(List.of("-c:a", "aac", "-shortest", file.toString()));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return file;
    }

    static Ladder transcode(long assetId, Path source) throws Exception {
        LocalMediaStore store = new LocalMediaStore(ROOT.resolve("media"));
        String sourceKey = Asset.prefix(assetId) + "source";
        store.put(sourceKey, source, "application/octet-stream");
        Ffprobe.Probe probe = TOOLS.probe(source);
        assertThat(probe.accepted()).isTrue();
        List<org.cinely.media.Ladder.Rung> planned =
                org.cinely.media.Ladder.forSource(probe.width(), probe.height(), probe.codec());
        String prefix = Asset.prefix(assetId) + "hls/";
        List<org.cinely.media.Ladder.Rung> made = new ArrayList<>();
        FfmpegTranscoder transcoder = new FfmpegTranscoder(TOOLS, store, ROOT.resolve("work"), "veryfast");
        Transcoder.Outcome outcome = transcoder.run(
                new Transcoder.Task(assetId, assetId, sourceKey, prefix, probe, planned, List.of()),
                new Transcoder.Sink() {
                    @Override
                    public void progress(int percent) {}

                    @Override
                    public void renditionReady(org.cinely.media.Ladder.Rung rung, long bytes) {
                        made.add(rung);
                    }

                    @Override
                    public void posterReady(String key) {}
                });
        assertThat(outcome).isInstanceOf(Transcoder.Done.class);
        made.sort(java.util.Comparator.comparingInt(org.cinely.media.Ladder.Rung::height));
        String master = MasterPlaylist.of(store, prefix, made, probe.hasAudio(), probe.fps());
        return new Ladder(made, master, store.root().resolve(prefix));
    }

    @Test
    void aSourceWhoseKeyframesAndBitrateFitIsCopiedAndDeclaredAsMeasured() throws Exception {
        Path source = source(
                "fit",
                "testsrc2=size=1280x720:rate=30",
                "-g",
                "60",
                "-keyint_min",
                "60",
                "-sc_threshold",
                "0",
                "-b:v",
                "1500k",
                "-maxrate",
                "2000k",
                "-bufsize",
                "3000k");
        Ladder ladder = transcode(9001, source);
        assertThat(ladder.made())
                .extracting(org.cinely.media.Ladder.Rung::height)
                .containsExactly(360, 720);
        assertThat(ladder.made().get(1).copy()).as("720p is the source, copied").isTrue();
        checkRules(ladder);
    }

    @Test
    void aCameraLikeSourceWithALongGopAndHighBitrateIsReencoded() throws Exception {
        Path source = source(
                "camera",
                "testsrc2=size=1280x720:rate=30,noise=alls=40:allf=t",
                "-g",
                "250",
                "-keyint_min",
                "250",
                "-sc_threshold",
                "0",
                "-b:v",
                "15M",
                "-maxrate",
                "20M",
                "-bufsize",
                "20M");
        Ladder ladder = transcode(9002, source);
        assertThat(ladder.made())
                .extracting(org.cinely.media.Ladder.Rung::height)
                .containsExactly(360, 720);
        assertThat(ladder.made().get(1).copy())
                .as("8.3 s keyframe spacing and 15 Mb/s do not fit a 4 s, 2.8 Mb/s rung")
                .isFalse();
        checkRules(ladder);
    }

    @Test
    void aStreamFewBrowsersDecodeIsReencodedWhateverItsKeyframes() throws Exception {
        // 2 s keyframes at a modest bitrate, but High 4:4:4 (what libx264 makes of an RGB source
        // unless told otherwise): copied, it would not play in most browsers.
        Path source = source(
                "yuv444",
                "testsrc2=size=640x360:rate=30",
                "-pix_fmt",
                "yuv444p",
                "-g",
                "60",
                "-keyint_min",
                "60",
                "-sc_threshold",
                "0",
                "-b:v",
                "500k");
        Ladder ladder = transcode(9004, source);
        assertThat(ladder.made())
                .extracting(org.cinely.media.Ladder.Rung::height)
                .containsExactly(360);
        assertThat(ladder.made().get(0).copy()).isFalse();
        checkRules(ladder);
    }

    @Test
    void anFfmpegRunOverItsTimeLimitIsKilledAndLeavesNothingBehind() throws Exception {
        Path source = source("slow", "testsrc2=size=1280x720:rate=30", "-g", "60");
        LocalMediaStore store = new LocalMediaStore(ROOT.resolve("media-slow"));
        String sourceKey = Asset.prefix(9003) + "source";
        store.put(sourceKey, source, "application/octet-stream");
        Ffprobe.Probe probe = TOOLS.probe(source);
        Path work = ROOT.resolve("work-slow");
        // A limit no encode can meet: 300 ms whatever the clip's length.
        FfmpegTranscoder transcoder =
                new FfmpegTranscoder(TOOLS, store, work, "veryfast", 0.0001, java.time.Duration.ofMillis(300));
        assertThat(transcoder.timeLimit(9_000)).isEqualTo(java.time.Duration.ofMillis(300));
        List<Integer> stored = new ArrayList<>();
        Transcoder.Outcome outcome = transcoder.run(
                new Transcoder.Task(
                        9003,
                        9003,
                        sourceKey,
                        Asset.prefix(9003) + "hls/",
                        probe,
                        org.cinely.media.Ladder.forSource(probe.width(), probe.height(), probe.codec()),
                        List.of()),
                new Transcoder.Sink() {
                    @Override
                    public void progress(int percent) {}

                    @Override
                    public void renditionReady(org.cinely.media.Ladder.Rung rung, long bytes) {
                        stored.add(rung.height());
                    }

                    @Override
                    public void posterReady(String key) {}
                });
        assertThat(outcome).isEqualTo(new Transcoder.Failed("transcode-failed", true));
        assertThat(stored).isEmpty();
        // No rendition file is left (the segments stored as they closed are removed). The poster,
        // made beside the ladder and complete, may stay: the retry makes it again.
        assertThat(store.list(Asset.prefix(9003) + "hls/"))
                .as("nothing of the renditions is left")
                .allMatch(key -> key.endsWith("/poster.jpg"));
        try (var left = Files.list(work)) {
            assertThat(left.toList()).as("the run's work directory is removed").isEmpty();
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.info().command().orElse("").endsWith("ffmpeg"))
                        .count())
                .as("no ffmpeg left running")
                .isZero();
        // A sensible default: ten times the clip, at least two minutes.
        FfmpegTranscoder defaults = new FfmpegTranscoder(TOOLS, store, work, "veryfast");
        assertThat(defaults.timeLimit(60_000)).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(defaults.timeLimit(2_000)).isEqualTo(java.time.Duration.ofMinutes(2));
    }

    /** Reads every stored playlist and segment as a player would, and checks RFC 8216's rules. */
    static void checkRules(Ladder ladder) throws Exception {
        System.out.println("Master playlist:\n" + ladder.master());
        Map<Integer, List<Double>> boundaries = new LinkedHashMap<>();
        Pattern inf = Pattern.compile("#EXT-X-STREAM-INF:BANDWIDTH=(\\d+),AVERAGE-BANDWIDTH=(\\d+),CODECS=\"([^\"]+)\","
                + "RESOLUTION=(\\d+)x(\\d+),FRAME-RATE=([0-9.]+)\\n(\\d+)/index.m3u8");
        Matcher declared = inf.matcher(ladder.master());
        int variants = 0;
        while (declared.find()) {
            variants++;
            int height = Integer.parseInt(declared.group(7));
            Path dir = ladder.hls().resolve(Integer.toString(height));
            List<String> lines = Files.readAllLines(dir.resolve("index.m3u8"));
            int target = lines.stream()
                    .filter(line -> line.startsWith("#EXT-X-TARGETDURATION:"))
                    .map(line -> Integer.parseInt(line.substring(22).trim()))
                    .findFirst()
                    .orElseThrow();
            assertThat(target).as("%dp target duration", height).isLessThanOrEqualTo(4);
            double peak = 0;
            double bits = 0;
            double seconds = 0;
            double at = 0;
            List<Double> cuts = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("#EXTINF:")) {
                    String value = lines.get(i).substring(8);
                    double duration = Double.parseDouble(value.substring(0, value.indexOf(',')));
                    assertThat(Math.round(duration))
                            .as("%dp segment %s within the target duration", height, lines.get(i + 1))
                            .isLessThanOrEqualTo(target);
                    long size = Files.size(dir.resolve(lines.get(i + 1).trim()));
                    peak = Math.max(peak, size * 8 / duration);
                    bits += size * 8;
                    seconds += duration;
                    at += duration;
                    cuts.add(at);
                }
            }
            boundaries.put(height, cuts);
            long bandwidth = Long.parseLong(declared.group(1));
            long average = Long.parseLong(declared.group(2));
            assertThat(bandwidth)
                    .as("%dp BANDWIDTH is the measured peak", height)
                    .isGreaterThanOrEqualTo((long) peak);
            assertThat(bandwidth).isLessThanOrEqualTo((long) (peak * 1.01) + 1);
            assertThat((double) average).isCloseTo(bits / seconds, org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(average).isLessThanOrEqualTo(bandwidth);
            assertThat(declared.group(3)).isEqualTo(expectedCodecs(dir.resolve("init.mp4")));
            assertThat(Integer.parseInt(declared.group(5))).isEqualTo(height);
            assertThat(declared.group(6)).isEqualTo("30.000");
        }
        assertThat(variants).isEqualTo(ladder.made().size());
        List<Double> lowest = boundaries.values().iterator().next();
        for (Map.Entry<Integer, List<Double>> rung : boundaries.entrySet()) {
            assertThat(rung.getValue())
                    .as("%dp cuts where the others do", rung.getKey())
                    .hasSameSizeAs(lowest);
            for (int i = 0; i < lowest.size(); i++) {
                assertThat(rung.getValue().get(i)).isCloseTo(lowest.get(i), org.assertj.core.data.Offset.offset(0.1));
            }
        }
    }

    /** What ffprobe says the rendition is, written as RFC 6381 codec strings. */
    static String expectedCodecs(Path init) throws Exception {
        // The init segment alone has no frame to read a profile from: probe it with the first segment.
        Path joined = init.resolveSibling("probe.mp4");
        Files.write(joined, Files.readAllBytes(init));
        Files.write(
                joined,
                Files.readAllBytes(init.resolveSibling("seg_00000.m4s")),
                java.nio.file.StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=profile,level",
                        "-of",
                        "csv=p=0",
                        joined.toString())
                .start();
        String[] found =
                new String(process.getInputStream().readAllBytes()).trim().split(",");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String profile = switch (found[0]) {
            case "High" -> "6400";
            case "Main" -> "4d40";
            case "Constrained Baseline" -> "42c0";
            default -> throw new AssertionError("Unexpected profile " + found[0]);
        };
        return "avc1." + profile + String.format("%02x", Integer.parseInt(found[1])) + ",mp4a.40.2";
    }
}
