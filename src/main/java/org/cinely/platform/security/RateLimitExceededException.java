package org.cinely.platform.security;

import java.time.Duration;

/** Someone tried an action too often; answered with HTTP 429 and a page saying when to retry. */
public class RateLimitExceededException extends RuntimeException {

    private final String limitName;
    private final Duration retryAfter;

    public RateLimitExceededException(String limitName, Duration retryAfter) {
        super("Rate limit " + limitName + " exceeded");
        this.limitName = limitName;
        this.retryAfter = retryAfter;
    }

    public String limitName() {
        return limitName;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, rounded up, at least one: what the 429 page tells the user. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
