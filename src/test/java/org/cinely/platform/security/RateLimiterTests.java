package org.cinely.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final RateLimiter limiter = new RateLimiter(clock, true);
    final RateLimiter.Limit threePerMinute = new RateLimiter.Limit("test", 3, Duration.ofMinutes(1));

    @Test
    void allowsTheLimitThenRefusesWithTheTimeToWait() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:1");
            clock.now = clock.now.plusSeconds(10);
        }
        assertThatThrownBy(() -> limiter.acquire(threePerMinute, "ip:1"))
                .isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(e.retryAfterMinutes()).isEqualTo(1);
                });
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:1");
        }
        clock.now = clock.now.plusSeconds(61);
        limiter.acquire(threePerMinute, "ip:1");
    }

    @Test
    void anyExhaustedKeyRefusesAndARefusedTryIsNotCounted() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:" + i, "account:a");
        }
        assertThatThrownBy(() -> limiter.acquire(threePerMinute, "ip:9", "account:a"))
                .isInstanceOf(RateLimitExceededException.class);
        // ip:9 was not charged for the refused try.
        limiter.acquire(threePerMinute, "ip:9");
        limiter.acquire(threePerMinute, "ip:9");
        limiter.acquire(threePerMinute, "ip:9");
    }

    @Test
    void keysAndLimitsAreIndependent() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:1");
        }
        limiter.acquire(threePerMinute, "ip:2");
        limiter.acquire(new RateLimiter.Limit("other", 1, Duration.ofMinutes(1)), "ip:1");
    }

    @Test
    void expiredWindowsAreForgotten() {
        limiter.acquire(threePerMinute, "ip:1");
        clock.now = clock.now.plus(Duration.ofDays(2));
        limiter.evictExpired();
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:1");
        }
    }
}
