package org.cinely.media;

import java.io.IOException;
import java.util.List;

/**
 * The transcoder port: turns an uploaded source into an HLS ladder plus a poster. Local
 * adapters (ffmpeg) do the work inside {@link #run}; remote ones (Zencoder) submit it there
 * and are asked about it later through {@link #poll} or a notification.
 */
interface Transcoder {

    String name();

    /** Why the transcoder cannot take work now (for the health page), or null when it can. */
    default String whyUnavailable() {
        return available() ? null : "The " + name() + " transcoder is not available: uploads are kept and wait for it.";
    }

    /** Whether the transcoder can take work now (ffmpeg installed, service configured). */
    boolean available();

    /** Whether {@link #run} does the work itself and so needs a slot in the local pool. */
    boolean local();

    Outcome run(Task task, Sink sink) throws IOException, UnavailableException;

    /** A remote job's state; local transcoders never have one. */
    default Outcome poll(String externalId, Task task, Sink sink) throws IOException, UnavailableException {
        throw new UnsupportedOperationException(name() + " runs locally");
    }

    /** What to transcode: the source, what we know of it, and the renditions to make. */
    record Task(
            long jobId,
            long assetId,
            String sourceKey,
            String outputPrefix,
            Ffprobe.Probe probe,
            List<Ladder.Rung> ladder,
            List<Integer> alreadyDone) {}

    /** Where a transcoder reports as it goes. */
    interface Sink {
        void progress(int percent);

        /** One rendition's playlist and segments are stored under {@code outputPrefix/<height>/}. */
        void renditionReady(Ladder.Rung rung, long bytes) throws IOException;

        void posterReady(String key) throws IOException;

        /**
         * The first segments of every rung being made are stored under {@code outputPrefix/<height>/},
         * each with a growing (EVENT) playlist: the video can be watched while the rest is written.
         * Local transcoders that write segment by segment call it once; remote ones never do.
         */
        default void streaming(List<Ladder.Rung> rungs) throws IOException {}
    }

    sealed interface Outcome {}

    /** Every rendition is stored. */
    record Done() implements Outcome {}

    /** Handed to a remote service under this id. */
    record Submitted(String externalId) implements Outcome {}

    /** A remote job still working. */
    record Working(int percent) implements Outcome {}

    /** The source cannot be transcoded (retrying will not help unless {@code retryable}). */
    record Failed(String reason, boolean retryable) implements Outcome {}

    /** The transcoder is down or missing: try again later, the upload is kept. */
    class UnavailableException extends Exception {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
