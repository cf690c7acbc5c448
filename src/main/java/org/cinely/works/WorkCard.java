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
        Instant publishedAt) {

    public String posterUrl() {
        return "/works/" + id + "/media/hls/poster.jpg";
    }

    public String durationLabel() {
        if (durationSeconds == null) {
            return null;
        }
        return String.format("%d:%02d", durationSeconds / 60, durationSeconds % 60);
    }
}
