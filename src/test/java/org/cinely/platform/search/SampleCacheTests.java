package org.cinely.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SampleCacheTests {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger reads = new AtomicInteger();

    TextSearchPlanner.Sample read() {
        reads.incrementAndGet();
        return new TextSearchPlanner.Sample(2_000, List.of(40), 40, Map.of(), 12);
    }

    @Test
    void aSearchReadsItsSampleOnceWithinTheMaxAgeAndAgainAfterIt() {
        SampleCache cache = new SampleCache(Duration.ofMinutes(2), nanos::get);

        TextSearchPlanner.Sample first = cache.get(List.of("gaffer", "berlin"), this::read);
        TextSearchPlanner.Sample again = cache.get(List.of("gaffer", "berlin"), this::read);
        assertThat(reads).hasValue(1);
        assertThat(again).isSameAs(first);

        cache.get(List.of("gaffer", "oslo"), this::read);
        assertThat(reads).as("another search has its own sample").hasValue(2);

        nanos.addAndGet(Duration.ofMinutes(2).plusSeconds(1).toNanos());
        cache.get(List.of("gaffer", "berlin"), this::read);
        assertThat(reads).as("read again once older than the max age").hasValue(3);
    }

    @Test
    void aMaxAgeOfZeroReadsEverySample() {
        SampleCache cache = new SampleCache(Duration.ZERO, nanos::get);

        cache.get("gaffer", this::read);
        cache.get("gaffer", this::read);

        assertThat(reads).hasValue(2);
    }
}
