package org.cinely.works;

import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.ModerationState;

/** A work as its pages show it. */
public record WorkView(
        long id,
        MemberId owner,
        String title,
        String description,
        ProductionType productionType,
        Integer productionYear,
        List<String> tagList,
        Visibility visibility,
        boolean playable,
        int likeCount,
        int commentCount,
        ModerationState moderation,
        int mediaVersion) {

    public String playlistUrl() {
        return MediaPaths.playlist(id, mediaVersion);
    }

    public String posterUrl() {
        return MediaPaths.poster(id, mediaVersion);
    }
}
