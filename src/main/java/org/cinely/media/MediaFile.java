package org.cinely.media;

import org.springframework.core.io.Resource;

/** A stored media file ready to be sent: its bytes (range-readable), length and type. */
public record MediaFile(Resource resource, long length, String contentType, boolean immutable) {}
