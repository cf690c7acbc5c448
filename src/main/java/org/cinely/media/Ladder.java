package org.cinely.media;

import java.util.ArrayList;
import java.util.List;

/** The HLS ladder: 360p, 720p and 1080p as the source allows, never upscaled, lowest first. */
final class Ladder {

    /** One rendition: its height, video bitrate and whether the source can be copied as is. */
    record Rung(int height, int width, int videoKbps, boolean copy) {

        int bandwidth(boolean audio) {
            return (videoKbps + (audio ? 128 : 0)) * 1000 * 11 / 10;
        }

        /**
         * The highest segment bit rate this rung can have (bits/s), before it is measured. An
         * encoded rung's rate control (maxrate 1.07 times the budget, a buffer of 1.5 times it)
         * lets a 4 s segment reach 1.07 + 1.5 / 4, about 1.45 times the budget; a copied one was
         * admitted with segments of up to twice it (see copyFits). Plus audio and 5% for the
         * container.
         */
        long peakBound(boolean audio) {
            double video = videoKbps * (copy ? 2.0 : 1.5);
            return Math.round((video + (audio ? 128 : 0)) * 1000 * 1.05);
        }

        /** The average bit rate this rung aims at (bits/s), before it is measured. */
        long averageBound(boolean audio) {
            double video = videoKbps * (copy ? 1.1 : 1.0);
            return Math.round((video + (audio ? 128 : 0)) * 1000 * 1.05);
        }
    }

    static final int[] HEIGHTS = {360, 720, 1080};
    static final int[] KBPS = {800, 2800, 5000};

    private Ladder() {}

    static List<Rung> forSource(int width, int height, String codec) {
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < HEIGHTS.length; i++) {
            if (HEIGHTS[i] <= height) {
                rungs.add(rung(width, height, codec, HEIGHTS[i], KBPS[i]));
            }
        }
        if (rungs.isEmpty()) {
            int even = Math.max(2, height - height % 2);
            rungs.add(rung(width, height, codec, even, KBPS[0] * even / 360));
        }
        return rungs;
    }

    private static Rung rung(int sourceWidth, int sourceHeight, String codec, int height, int kbps) {
        int width = (int) Math.round((double) sourceWidth * height / sourceHeight);
        width += width % 2;
        // A source already in H.264 at exactly this size is copied, not re-encoded.
        boolean copy = "h264".equals(codec) && sourceHeight == height;
        return new Rung(height, width, kbps, copy);
    }

    /** Segment target of every rung (seconds), as the encoder's -hls_time and keyframe spacing give. */
    static final double SEGMENT_SECONDS = 4;

    /**
     * Whether a source may be copied as this rung rather than re-encoded: only when its own
     * keyframes fall on every segment boundary the re-encoded rungs cut at (so each segment is
     * within the target duration and aligned with the other rungs, and players can switch
     * between them), and its bitrate fits the rung's budget (on average, and in every segment
     * within twice the budget). A camera's long GOP or high bitrate is re-encoded instead.
     */
    static boolean copyFits(List<Ffprobe.Packet> packets, Rung rung, double fps) {
        // The first frame must be a keyframe: a stream cut from the middle of a GOP (an edit
        // exported without re-encoding) would start its first segment undecodable.
        if (packets.isEmpty() || !packets.get(0).key()) {
            return false;
        }
        double start = packets.get(0).seconds();
        double end = packets.get(packets.size() - 1).seconds() + 1 / Math.max(1, fps);
        double duration = end - start;
        double tolerance = 0.5 / Math.max(1, fps);
        List<Double> keys = packets.stream()
                .filter(Ffprobe.Packet::key)
                .map(packet -> packet.seconds() - start)
                .toList();
        for (double boundary = SEGMENT_SECONDS; boundary < duration - tolerance; boundary += SEGMENT_SECONDS) {
            double at = boundary;
            if (keys.stream().noneMatch(key -> Math.abs(key - at) <= tolerance)) {
                return false;
            }
        }
        long budget = rung.videoKbps() * 1000L;
        long total = packets.stream().mapToLong(Ffprobe.Packet::bytes).sum();
        if (total * 8 / Math.max(0.001, duration) > budget * 1.1) {
            return false;
        }
        long[] perSegment = new long[(int) Math.ceil(duration / SEGMENT_SECONDS) + 1];
        for (Ffprobe.Packet packet : packets) {
            perSegment[(int) ((packet.seconds() - start) / SEGMENT_SECONDS)] += packet.bytes();
        }
        for (long bytes : perSegment) {
            if (bytes * 8 / SEGMENT_SECONDS > budget * 2) {
                return false;
            }
        }
        return true;
    }
}
