package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cinely.platform.MemberId;
import org.junit.jupiter.api.Test;

class HeaderCountCacheTests {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger unread = new AtomicInteger(3);
    final AtomicInteger reads = new AtomicInteger();
    final HeaderCountCache cache = new HeaderCountCache(Duration.ofSeconds(10), nanos::get);
    final MemberId member = MemberId.of(7);

    int count() {
        return cache.get("unreadNotifications", member, () -> {
            reads.incrementAndGet();
            return unread.get();
        });
    }

    @Test
    void aCountIsReadOnceAcrossPagesUntilItsModuleForgetsIt() {
        assertThat(count()).isEqualTo(3);
        unread.set(0);
        assertThat(count()).as("kept: nothing said it changed").isEqualTo(3);
        assertThat(reads).hasValue(1);

        cache.forget("unreadNotifications", member);

        assertThat(count()).isEqualTo(0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeMadeOnAnotherNodeShowsWithinTheMaxAge() {
        assertThat(count()).isEqualTo(3);
        unread.set(5); // written by another node: this one hears nothing

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(count()).isEqualTo(3);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void eachCountAndMemberIsKeptApart() {
        assertThat(count()).isEqualTo(3);
        assertThat(cache.get("connectionRequestCount", member, () -> 1)).isEqualTo(1);
        assertThat(cache.get("unreadNotifications", MemberId.of(8), () -> 9)).isEqualTo(9);

        cache.forget("connectionRequestCount", member);
        unread.set(4);
        assertThat(count()).as("forgetting another count leaves this one").isEqualTo(3);
    }
}
