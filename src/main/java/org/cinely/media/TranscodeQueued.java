package org.cinely.media;

/**
 * A transcode job was queued and committed on this node: its worker claims it at once instead of
 * at its next poll (the first playable segment is seconds away, the poll up to two).
 */
record TranscodeQueued(long assetId) {}
