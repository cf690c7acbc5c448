package org.cinely.media;

import org.cinely.platform.MemberId;

/**
 * An upload's video moved on (a new state, or a few percent further). Published as it happens,
 * outside any transaction and not kept: it only lets open pages follow along (the state itself is
 * in the database).
 */
public record MediaProgressed(long assetId, MemberId owner, String target, MediaState state, int percent) {}
