package org.cinely.media;

import java.util.List;

/**
 * What the owner's page shows about a video: its state with progress, whether it can be
 * played yet (as soon as the lowest rendition is done), and why it failed, as a message key.
 */
public record MediaStatus(
        long assetId,
        MediaState state,
        int uploadPercent,
        int transcodePercent,
        boolean playable,
        String failureReasonKey,
        List<Integer> renditions,
        boolean hasPoster,
        Long durationSeconds,
        boolean transcoderAvailable) {

    public boolean waitingForTranscoder() {
        return state == MediaState.WAITING && !transcoderAvailable;
    }

    /** What the owner's page says about the video: it may already play while it transcodes. */
    public String messageKey() {
        if (state == MediaState.TRANSCODING && playable) {
            return "media.state.transcoding-playable";
        }
        return state.messageKey();
    }

    public boolean retryable() {
        return state == MediaState.FAILED;
    }
}
