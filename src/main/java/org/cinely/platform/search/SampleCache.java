package org.cinely.platform.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The planner's samples, kept for a while per search. A sample costs a read of the newest 2,000
 * rows (about 4 ms) and only feeds estimates: which index to read through, and the "about N"
 * total of a search that is not counted. Shares of words and filters among the newest rows move
 * slowly, so a sample a couple of minutes old chooses as well as a fresh one; the results
 * themselves are always read fresh. {@code cinely.search.sample-max-age=0} reads a sample every
 * time (the tests that check which plan fresh data leads to).
 */
@Component
public class SampleCache {

    private final Duration maxAge;
    private final Cache<Object, TextSearchPlanner.Sample> samples;

    @Autowired
    public SampleCache(@Value("${cinely.search.sample-max-age:2m}") Duration maxAge) {
        this(maxAge, Ticker.systemTicker());
    }

    SampleCache(Duration maxAge, Ticker ticker) {
        this.maxAge = maxAge;
        this.samples = Caffeine.newBuilder()
                .expireAfterWrite(maxAge.isZero() ? Duration.ofNanos(1) : maxAge)
                .maximumSize(10_000)
                .ticker(ticker)
                .build();
    }

    /**
     * The sample of the search {@code key} names (a value: every part of the search that changes
     * what the sample counts, the page excluded), read with {@code read} when there is none yet.
     */
    public TextSearchPlanner.Sample get(Object key, Supplier<TextSearchPlanner.Sample> read) {
        if (maxAge.isZero()) {
            return read.get();
        }
        return samples.get(key, k -> read.get());
    }
}
