package org.cinely.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sliding-window rate limits for spam-prone actions: each key (such as "signup:ip:1.2.3.4") may
 * act {@code limit} times within {@code window}. Kept in memory, so each app node counts on its
 * own: with N nodes behind a proxy the effective limit is at most N times higher, which is an
 * accepted trade for not hitting the database on every log-in attempt.
 */
@Component
public class RateLimiter {

    /** A named limit: how many tries within what window. */
    public record Limit(String name, int tries, Duration window) {}

    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean enabled;

    @Autowired
    public RateLimiter(@Value("${cinely.rate-limits.enabled:true}") boolean enabled) {
        this(Clock.systemUTC(), enabled);
    }

    RateLimiter(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * Counts one try against every key and refuses if any of them is over its limit. A refused
     * try is not counted, so someone blocked does not extend their own wait by retrying.
     *
     * @throws RateLimitExceededException when a key has used up its tries
     */
    public void acquire(Limit limit, String... keys) {
        if (!enabled) {
            return;
        }
        long now = clock.millis();
        long windowStart = now - limit.window().toMillis();
        long retryAfterMillis = 0;
        for (String key : keys) {
            Deque<Long> times = hits.computeIfAbsent(limit.name() + ":" + key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, windowStart);
                if (times.size() >= limit.tries()) {
                    retryAfterMillis = Math.max(retryAfterMillis, times.peekFirst() - windowStart);
                }
            }
        }
        if (retryAfterMillis > 0) {
            throw new RateLimitExceededException(limit.name(), Duration.ofMillis(retryAfterMillis));
        }
        for (String key : keys) {
            Deque<Long> times = hits.computeIfAbsent(limit.name() + ":" + key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    /** Forgets every count (tests clean up after themselves with this). */
    public void reset() {
        hits.clear();
    }

    /** Drops windows that have fully expired, so the map does not grow without bound. */
    @Scheduled(fixedDelay = 60_000)
    void evictExpired() {
        long longestWindowStart = clock.millis() - Duration.ofDays(1).toMillis();
        hits.entrySet().removeIf(entry -> {
            Deque<Long> times = entry.getValue();
            synchronized (times) {
                prune(times, longestWindowStart);
                return times.isEmpty();
            }
        });
    }

    private static void prune(Deque<Long> times, long windowStart) {
        while (!times.isEmpty() && times.peekFirst() <= windowStart) {
            times.removeFirst();
        }
    }
}
