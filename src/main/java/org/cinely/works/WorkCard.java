package org.cinely.works;

import java.time.Instant;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;

/** A work in a list (browse, a member's profile): enough for a poster card. */
public record WorkCard(
        long id,
        String title,
        ProductionType type,
        Integer year,
        MemberId owner,
        String ownerHandle,
        String ownerName,
        boolean hasPoster,
        Long durationSeconds,
        int likes,
        Instant publishedAt,
        int mediaVersion) {

    /** The poster under the work's current media URL (see {@link MediaPaths}). */
    public String posterUrl() {
        return MediaPaths.poster(id, mediaVersion);
    }

    /** The HLS master playlist under the work's current media URL. */
    public String playlistUrl() {
        return MediaPaths.playlist(id, mediaVersion);
    }

    public String durationLabel() {
        if (durationSeconds == null) {
            return null;
        }
        return String.format("%d:%02d", durationSeconds / 60, durationSeconds % 60);
    }
}
