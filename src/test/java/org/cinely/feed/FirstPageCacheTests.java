package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cinely.platform.MemberId;
import org.cinely.platform.web.MemberWroteOnThisNode;
import org.junit.jupiter.api.Test;

class FirstPageCacheTests {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger reads = new AtomicInteger();
    final FirstPageCache cache = new FirstPageCache(Duration.ofSeconds(10), nanos::get);
    final MemberId maya = MemberId.of(7);
    final MemberId jonas = MemberId.of(8);

    FeedReader.FeedPage page(MemberId member) {
        return cache.get(member, () -> new FeedReader.FeedPage(List.of(), (long) reads.incrementAndGet()));
    }

    @Test
    void aPageIsReadOnceUntilTheMembersTimelineChanges() {
        FeedReader.FeedPage first = page(maya);
        assertThat(page(maya)).isSameAs(first);
        page(jonas);
        assertThat(reads).hasValue(2);

        cache.forget(List.of(maya));

        assertThat(page(maya)).isNotSameAs(first);
        page(jonas);
        assertThat(reads).as("only Maya's was forgotten").hasValue(3);
    }

    @Test
    void anyMembersWriteOnThisNodeOrEntriesTakenBackDropEveryPage() {
        page(maya);
        page(jonas);

        cache.on(new MemberWroteOnThisNode());
        page(maya);
        page(jonas);
        assertThat(reads).hasValue(4);

        cache.forgetAll();
        page(maya);
        assertThat(reads).hasValue(5);
    }

    @Test
    void aChangeMadeOnAnotherNodeShowsWithinTheMaxAge() {
        page(maya);
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        page(maya);
        assertThat(reads).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        page(maya);
        assertThat(reads).hasValue(2);
    }
}
