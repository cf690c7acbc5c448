package org.cinely.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The limiter against the real database: atomic under bursts, shared by nodes, bounded keys. */
@CinelyIntegrationTest
class RateLimiterIntegrationTests {

    static class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-26T12:00:00Z");

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

    @Autowired
    DataSource dataSource;

    @Autowired
    DSLContext dsl;

    @Autowired
    TestData data;

    final MovableClock clock = new MovableClock();
    final RateLimiter.Limit threePerMinute =
            new RateLimiter.Limit("test-" + System.nanoTime(), 3, Duration.ofMinutes(1));
    RateLimiter limiter;

    @BeforeEach
    void setUp() {
        data.mark();
        limiter = new RateLimiter(dataSource, dsl, clock, true);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void allowsTheLimitThenRefusesWithTheTimeToWait() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:1");
        }
        assertThatThrownBy(() -> limiter.acquire(threePerMinute, "ip:1"))
                .isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
                    // One try comes back every 20 s (3 a minute).
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(22));
                    assertThat(e.retryAfterMinutes()).isEqualTo(1);
                });
    }

    @Test
    void triesComeBackOverTheWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:1");
        }
        clock.now = clock.now.plusSeconds(21);
        limiter.acquire(threePerMinute, "ip:1");
        assertThatThrownBy(() -> limiter.acquire(threePerMinute, "ip:1"))
                .isInstanceOf(RateLimitExceededException.class);
        clock.now = clock.now.plusSeconds(61);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:1");
        }
    }

    @Test
    void aTryRefusedByOneKeyIsNotChargedToTheOthers() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:" + i, "account:a");
        }
        assertThatThrownBy(() -> limiter.acquire(threePerMinute, "ip:9", "account:a"))
                .isInstanceOf(RateLimitExceededException.class);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(threePerMinute, "ip:9"); // all three tries of ip:9 are still there
        }
        assertThatThrownBy(() -> limiter.acquire(threePerMinute, "ip:9"))
                .isInstanceOf(RateLimitExceededException.class);
    }

    /** A counter that reads, then writes would let several of 40 parallel tries through. */
    @Test
    void aBurstOfParallelTriesGetsExactlyTheLimitThrough() throws Exception {
        RateLimiter.Limit ten = new RateLimiter.Limit("burst-" + System.nanoTime(), 10, Duration.ofHours(1));
        int threads = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    limiter.acquire(ten, "ip:burst");
                    return true;
                } catch (RateLimitExceededException refused) {
                    return false;
                }
            }));
        }
        int allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(allowed).isEqualTo(10);
    }

    /** Two nodes (two limiters on one database) count the same tries. */
    @Test
    void everyNodeCountsTheSameTries() {
        RateLimiter otherNode = new RateLimiter(dataSource, dsl, clock, true);
        limiter.acquire(threePerMinute, "member:7");
        otherNode.acquire(threePerMinute, "member:7");
        limiter.acquire(threePerMinute, "member:7");
        assertThatThrownBy(() -> otherNode.acquire(threePerMinute, "member:7"))
                .isInstanceOf(RateLimitExceededException.class);
    }

    /** Before: a 1.9 MB e-mail address was kept as a key for 24 hours. */
    @Test
    void whatIsStoredHasAFixedSizeWhateverTheKey() {
        String huge = "x".repeat(2_000_000) + "@example.com";
        limiter.acquire(threePerMinute, "account:" + huge);
        Integer longest = data.jdbc().queryForObject("select max(length(id)) from rate_limit_buckets", Integer.class);
        Integer largestState =
                data.jdbc().queryForObject("select max(length(state)) from rate_limit_buckets", Integer.class);
        assertThat(longest).isEqualTo(64);
        assertThat(largestState).isLessThan(1000);
    }

    @Test
    void fullBucketsAreRemoved() {
        limiter.acquire(threePerMinute, "ip:old");
        assertThat(data.jdbc().queryForObject("select count(*) from rate_limit_buckets", Integer.class))
                .isPositive();
        data.jdbc().update("update rate_limit_buckets set expires_at = 1");
        limiter.removeExpired();
        assertThat(data.jdbc().queryForObject("select count(*) from rate_limit_buckets", Integer.class))
                .isZero();
    }
}
