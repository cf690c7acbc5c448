package org.cinely.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits for spam-prone actions and password guessing: each key (such as an IP address or
 * a member) may act {@code tries} times in a burst and then {@code tries} times per {@code window}
 * (a token bucket refilled steadily). The buckets are rows in the database (Bucket4j's JDBC proxy
 * manager, one row locked per try), so every node counts the same tries and a burst of parallel
 * requests cannot slip past a limit. A row's id is a hash of the limit and the key: what a client
 * sends as an e-mail address or a header never grows what is stored.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** A named limit: how many tries, refilled over what window. */
    public record Limit(String name, int tries, Duration window) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(tries)
                            .refillGreedy(tries, window)
                            .build())
                    .build();
        }
    }

    private final ProxyManager<String> buckets;
    private final DataSource dataSource;
    private final DSLContext dsl;
    private final boolean enabled;

    @Autowired
    public RateLimiter(
            DataSource dataSource, DSLContext dsl, @Value("${cinely.rate-limits.enabled:true}") boolean enabled) {
        this(dataSource, dsl, Clock.systemUTC(), enabled);
    }

    public RateLimiter(DataSource dataSource, DSLContext dsl, Clock clock, boolean enabled) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A row is kept only until its bucket would be full again (then it means nothing).
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    /**
     * Counts one try against every key and refuses if any of them has no try left. A try refused
     * by one key is not charged to the others, so someone blocked does not use up a shared key.
     *
     * @throws RateLimitExceededException when a key has used up its tries
     */
    public void acquire(Limit limit, String... keys) {
        if (!enabled) {
            return;
        }
        BucketConfiguration configuration = limit.configuration();
        long waitNanos = 0;
        for (String key : keys) {
            makeRow(id(limit, key));
            EstimationProbe estimate = retrying(
                    () -> buckets.getProxy(id(limit, key), () -> configuration).estimateAbilityToConsume(1));
            if (!estimate.canBeConsumed()) {
                waitNanos = Math.max(waitNanos, estimate.getNanosToWaitForRefill());
            }
        }
        if (waitNanos == 0) {
            for (String key : keys) {
                ConsumptionProbe probe = retrying(() ->
                        buckets.getProxy(id(limit, key), () -> configuration).tryConsumeAndReturnRemaining(1));
                if (!probe.isConsumed()) { // another node took the last try in between
                    waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
                }
            }
        }
        if (waitNanos > 0) {
            throw new RateLimitExceededException(
                    limit.name(), Duration.ofNanos(waitNanos).plusSeconds(1));
        }
    }

    /**
     * Makes the key's row before Bucket4j locks it, on a connection of its own that commits at once
     * (never in the caller's transaction, whose lock would hold Bucket4j's up). Without it, many
     * first tries of a new key at once each lock the missing row's gap and then insert it: they
     * deadlock in the database over and over, and a 40-way burst could hold every pooled
     * connection for minutes. Bucket4j treats a row without state as a new bucket.
     */
    private void makeRow(String id) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            DSL.using(connection, dsl.dialect())
                    .insertInto(DSL.table(DSL.name("rate_limit_buckets")), DSL.field(DSL.name("id"), String.class))
                    .values(id)
                    .onDuplicateKeyIgnore()
                    .execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("rate limit row " + id, e);
        }
    }

    /**
     * Two first tries of a new key at the same moment can deadlock in the database (both insert
     * the row); the one chosen as victim is rolled back whole, so it is simply tried again.
     */
    private static <T> T retrying(Supplier<T> attempt) {
        for (int round = 1; ; round++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (round >= 5 || !deadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean deadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException
                    || (cause.getMessage() != null && cause.getMessage().contains("Deadlock"))) {
                return true;
            }
        }
        return false;
    }

    /** The row id: fixed length, whatever the key. */
    static String id(Limit limit, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((limit.name() + "\n" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets the tries counted for one key (e.g. after the owner proved who they are). */
    public void forget(Limit limit, String key) {
        retrying(() -> {
            buckets.removeProxy(id(limit, key));
            return null;
        });
    }

    /** Forgets every count (tests clean up after themselves with this). */
    public void reset() {
        dsl.deleteFrom(DSL.table(DSL.name("rate_limit_buckets"))).execute();
    }

    /** Drops the rows of buckets that are full again; safe on several nodes at once. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void removeExpired() {
        if (buckets instanceof MySQLSelectForUpdateBasedProxyManager<?> cleaner) {
            int removed;
            int total = 0;
            do {
                removed = cleaner.removeExpired(1000);
                total += removed;
            } while (removed == 1000);
            if (total > 0) {
                log.debug("Removed {} expired rate-limit buckets", total);
            }
        }
    }

    /** Bucket4j's clock from a java.time Clock (tests move it). */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
