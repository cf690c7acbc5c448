package org.cinely.media;

import org.cinely.platform.MemberId;

/** Transcoding gave up after its retries; the owner can retry. {@code reasonKey} is a message key. */
public record TranscodeFailed(long assetId, MemberId owner, String target, String reasonKey) {}
