package org.cinely.media;

/** Every rendition of a video is ready. */
public record MediaReady(long assetId, String target) {}
