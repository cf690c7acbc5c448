package org.cinely.connections;

import java.time.Duration;
import org.cinely.platform.security.RateLimiter.Limit;

final class ConnectionRateLimits {

    /** At most 50 connection requests per member per day. */
    static final Limit REQUESTS = new Limit("connection-request", 50, Duration.ofDays(1));

    private ConnectionRateLimits() {}
}
