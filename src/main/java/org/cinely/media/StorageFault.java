package org.cinely.media;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Optional;

/**
 * A write that failed because of where media is stored, not because of what was sent: the disk
 * is full or the media directory cannot be written. Such faults pass when an operator frees room
 * or fixes the directory, so an upload keeps what arrived and a transcode waits, spending no
 * attempt, instead of failing the member's video for good.
 */
enum StorageFault {
    FULL("media.storage.full", 507),
    UNWRITABLE("media.storage.unwritable", 503);

    /** Seconds a client should wait before trying again (sent as Retry-After). */
    static final int RETRY_AFTER_SECONDS = 30;

    private final String messageKey;
    private final int httpStatus;

    StorageFault(String messageKey, int httpStatus) {
        this.messageKey = messageKey;
        this.httpStatus = httpStatus;
    }

    String messageKey() {
        return messageKey;
    }

    /** Why a video waits, for its owner's page. */
    String waitingKey() {
        return messageKey + ".waiting";
    }

    int httpStatus() {
        return httpStatus;
    }

    /** The storage fault behind a failed write, if it is one (the JDK gives errno only as text). */
    static Optional<StorageFault> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException || t instanceof NotDirectoryException) {
                return Optional.of(UNWRITABLE);
            }
            if (t instanceof IOException) {
                String text = (t instanceof FileSystemException fs ? fs.getReason() + " " : "") + t.getMessage();
                text = text.toLowerCase(Locale.ROOT);
                if (text.contains("no space left") || text.contains("disk quota exceeded")) {
                    return Optional.of(FULL);
                }
                if (text.contains("read-only file system")
                        || text.contains("operation not permitted")
                        || text.contains("permission denied")
                        || text.contains("not a directory")) {
                    return Optional.of(UNWRITABLE);
                }
            }
        }
        return Optional.empty();
    }

    /** The refusal an upload answers with: what happened, and that what arrived is kept. */
    UploadRefusedException refusal() {
        return new UploadRefusedException(messageKey, httpStatus);
    }
}
