package org.cinely.platform.moderation;

import java.time.Instant;
import org.cinely.platform.MemberId;

/**
 * What a moderator needs to judge a piece of content, whatever its state: who wrote it, its
 * title and text as they are now, and where it lives on the site.
 *
 * @param path the content's page on the site (for a comment, its work's page with an anchor);
 *     moderators may open it even when it is hidden
 * @param imagePath a poster or avatar to show beside it, or {@code null}
 */
public record ContentSnapshot(
        ContentRef ref,
        MemberId author,
        String title,
        String text,
        String path,
        String imagePath,
        ModerationState state,
        Instant createdAt) {}
