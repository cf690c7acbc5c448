package org.cinely.media;

import org.cinely.platform.MemberId;

/** An upload was not a playable video and was removed; {@code reasonKey} says why. */
public record MediaRejected(long assetId, MemberId owner, String target, String reasonKey) {}
