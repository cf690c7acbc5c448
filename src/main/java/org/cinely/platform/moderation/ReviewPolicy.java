package org.cinely.platform.moderation;

import org.cinely.platform.MemberId;

/**
 * Asked by a content module when a member creates an item: whether it starts {@link
 * ModerationState#HELD} for review. Implemented by the moderation module (a setting, off by
 * default). Content modules take it as an {@code ObjectProvider} and treat a missing bean as "no",
 * so their module tests run without moderation.
 */
public interface ReviewPolicy {

    boolean holdsForReview(MemberId author, ContentKind kind);
}
