package org.cinely.media;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cinely.platform.MemberId;

/** A row of media_assets. */
record Asset(
        long id,
        MemberId owner,
        String target,
        String uploadToken,
        MediaState state,
        long uploadLength,
        long uploadOffset,
        String filename,
        String sourceKey,
        Long durationMs,
        Integer width,
        Integer height,
        String videoCodec,
        Double frameRate,
        boolean hasAudio,
        String renditions,
        String posterKey,
        int progress,
        String failureReason,
        long storedBytes,
        Instant createdAt,
        boolean streaming) {

    static String prefix(long id) {
        return "assets/" + id + "/";
    }

    String prefix() {
        return prefix(id);
    }

    List<Integer> renditionHeights() {
        if (renditions == null || renditions.isBlank()) {
            return List.of();
        }
        return Arrays.stream(renditions.split(","))
                .map(Integer::valueOf)
                .sorted()
                .toList();
    }

    /** A complete rendition is stored, or the ladder is being written and its first segments are. */
    boolean playable() {
        return !renditionHeights().isEmpty() || (streaming && state != MediaState.FAILED);
    }

    int uploadPercent() {
        return uploadLength == 0 ? 100 : (int) Math.min(100, uploadOffset * 100 / uploadLength);
    }
}
