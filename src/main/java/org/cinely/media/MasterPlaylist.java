package org.cinely.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The master playlist per RFC 8216 (section 4.3.4.2), measured from the renditions as stored:
 * BANDWIDTH is the peak segment bit rate (audio included, as the segments carry it),
 * AVERAGE-BANDWIDTH the average, CODECS read from each rendition's own init segment, with
 * RESOLUTION and FRAME-RATE. Measured from the store rather than kept in memory, so a job resumed
 * after a restart (which skips the renditions already stored) declares them exactly as well. A
 * rendition still being written (an EVENT playlist without EXT-X-ENDLIST) is declared at the
 * bounds its encoder settings guarantee until it is complete and measured.
 */
final class MasterPlaylist {

    /** One rendition as measured: what the master declares for it, and its segments' durations. */
    record Variant(
            Ladder.Rung rung,
            long peakBitsPerSecond,
            long averageBitsPerSecond,
            String codecs,
            double targetDuration,
            List<Double> segmentSeconds) {}

    private MasterPlaylist() {}

    static String of(MediaStore store, String hlsPrefix, List<Ladder.Rung> ready, boolean audio, Double fps)
            throws IOException {
        List<Variant> variants = new ArrayList<>();
        for (Ladder.Rung rung : ready) {
            variants.add(measure(store, hlsPrefix + rung.height() + "/", rung, audio));
        }
        return text(variants, fps);
    }

    static String text(List<Variant> variants, Double fps) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Variant variant : variants) {
            m3u8.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                    .append(variant.peakBitsPerSecond())
                    .append(",AVERAGE-BANDWIDTH=")
                    .append(variant.averageBitsPerSecond());
            if (variant.codecs() != null) {
                m3u8.append(",CODECS=\"").append(variant.codecs()).append('"');
            }
            m3u8.append(",RESOLUTION=")
                    .append(variant.rung().width())
                    .append('x')
                    .append(variant.rung().height());
            if (fps != null && fps > 0) {
                m3u8.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", fps));
            }
            m3u8.append('\n').append(variant.rung().height()).append("/index.m3u8\n");
        }
        return m3u8.toString();
    }

    /** Reads a stored rendition: its media playlist, its segments' sizes and its init segment. */
    static Variant measure(MediaStore store, String dir, Ladder.Rung rung, boolean audio) throws IOException {
        String playlist = read(store, dir + "index.m3u8");
        List<Double> seconds = new ArrayList<>();
        double target = 0;
        long totalBits = 0;
        double peak = 0;
        String init = null;
        boolean ended = false;
        for (String raw : playlist.split("\n")) {
            String line = raw.trim();
            if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Double.parseDouble(line.substring(line.indexOf(':') + 1));
            } else if (line.startsWith("#EXT-X-MAP:")) {
                int from = line.indexOf("URI=\"") + 5;
                init = line.substring(from, line.indexOf('"', from));
            }
        }
        for (GrowingRendition.Segment segment : GrowingRendition.segments(playlist, false)) {
            long bits = store.find(dir + segment.uri())
                            .map(MediaStore.StoredObject::size)
                            .orElse(0L)
                    * 8;
            totalBits += bits;
            peak = Math.max(peak, bits / Math.max(0.001, segment.seconds()));
            seconds.add(segment.seconds());
        }
        double duration = seconds.stream().mapToDouble(Double::doubleValue).sum();
        if (!ended) {
            // Still growing: the segments to come are not measured yet, so declare the most the
            // encoder's rate control lets through (see Ladder.Rung#peakBound), or more if seen.
            peak = Math.max(peak, rung.peakBound(audio));
            totalBits = Math.max(totalBits, (long) (rung.averageBound(audio) * duration));
        }
        String codecs = init == null ? null : videoCodec(store, dir + init);
        if (codecs != null && audio) {
            codecs += ",mp4a.40.2"; // every rung's audio is encoded to AAC-LC (see FfmpegTranscoder)
        }
        return new Variant(
                rung,
                (long) Math.ceil(peak),
                (long) Math.ceil(totalBits / Math.max(0.001, duration)),
                codecs,
                target,
                seconds);
    }

    /** {@code avc1.PPCCLL} from the init segment's avcC box (profile, constraints, level), or null. */
    static String videoCodec(MediaStore store, String initKey) throws IOException {
        byte[] init;
        try (InputStream in = store.open(initKey, 0, -1)) {
            init = in.readNBytes(64 * 1024);
        }
        for (int i = 0; i + 7 < init.length; i++) {
            if (init[i] == 'a' && init[i + 1] == 'v' && init[i + 2] == 'c' && init[i + 3] == 'C') {
                return String.format(
                        Locale.ROOT, "avc1.%02x%02x%02x", init[i + 5] & 0xff, init[i + 6] & 0xff, init[i + 7] & 0xff);
            }
        }
        return null;
    }

    private static String read(MediaStore store, String key) throws IOException {
        try (InputStream in = store.open(key, 0, -1)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
