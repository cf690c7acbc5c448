package org.cinely.media;

/** The lowest rendition of a video is ready, so it can be played (more may follow). */
public record MediaBecamePlayable(long assetId, String target) {}
