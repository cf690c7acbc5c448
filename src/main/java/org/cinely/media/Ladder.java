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

    /** The master playlist listing the renditions that are ready, lowest first. */
    static String masterPlaylist(List<Rung> ready, boolean audio) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Rung rung : ready) {
            m3u8.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                    .append(rung.bandwidth(audio))
                    .append(",RESOLUTION=")
                    .append(rung.width())
                    .append('x')
                    .append(rung.height())
                    .append('\n')
                    .append(rung.height())
                    .append("/index.m3u8\n");
        }
        return m3u8.toString();
    }
}
