package org.cinely.media;

/** An upload that may not start or continue; {@code reasonKey} is a message key, status the HTTP answer. */
class UploadRefusedException extends RuntimeException {

    private final String reasonKey;
    private final int status;

    UploadRefusedException(String reasonKey, int status) {
        super(reasonKey);
        this.reasonKey = reasonKey;
        this.status = status;
    }

    String reasonKey() {
        return reasonKey;
    }

    int status() {
        return status;
    }
}
