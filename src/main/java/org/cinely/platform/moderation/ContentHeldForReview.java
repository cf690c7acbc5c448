package org.cinely.platform.moderation;

import org.cinely.platform.MemberId;

/** Published by a content module when an item starts out held: the moderation queue picks it up. */
public record ContentHeldForReview(ContentRef ref, MemberId author) {}
