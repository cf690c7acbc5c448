package org.cinely.media;

/**
 * Where an uploaded video stands: receiving bytes, queued for the transcoder (which may be
 * down), transcoding, ready, failed (can be retried), or rejected (not a video; removed).
 */
public enum MediaState {
    UPLOADING,
    WAITING,
    TRANSCODING,
    READY,
    FAILED,
    REJECTED;

    public String messageKey() {
        return "media.state." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
