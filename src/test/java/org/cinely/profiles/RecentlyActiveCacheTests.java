package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cinely.platform.web.MemberWroteOnThisNode;
import org.junit.jupiter.api.Test;

class RecentlyActiveCacheTests {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger reads = new AtomicInteger();
    final List<ProfileCard> active = new ArrayList<>(List.of(card(1, "Ada"), card(2, "Bo")));
    final RecentlyActiveCache cache = new RecentlyActiveCache(Duration.ofSeconds(10), nanos::get);

    static ProfileCard card(long id, String name) {
        return new ProfileCard(id, name.toLowerCase(), name, null, null, List.of(), null, null, null);
    }

    List<String> names() {
        return cache
                .get(2, size -> {
                    reads.incrementAndGet();
                    return List.copyOf(active.subList(0, Math.min(size, active.size())));
                })
                .stream()
                .map(ProfileCard::displayName)
                .toList();
    }

    @Test
    void theListIsReadOnceForEveryoneWithinTheMaxAge() {
        assertThat(names()).containsExactly("Ada", "Bo");
        active.add(0, card(3, "Cy"));
        assertThat(names()).as("kept").containsExactly("Ada", "Bo");
        assertThat(reads).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(names()).as("past the max age: read again").containsExactly("Cy", "Ada");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aMembersWriteOnThisNodeShowsOnTheNextPage() {
        assertThat(names()).containsExactly("Ada", "Bo");
        active.remove(0); // e.g. Ada hid her profile, through a form on this node

        cache.on(new MemberWroteOnThisNode());

        assertThat(names()).containsExactly("Bo");
    }

    @Test
    void aMaxAgeOfZeroKeepsNothing() {
        RecentlyActiveCache off = new RecentlyActiveCache(Duration.ZERO, nanos::get);
        off.get(2, size -> {
            reads.incrementAndGet();
            return active;
        });
        nanos.incrementAndGet();
        off.get(2, size -> {
            reads.incrementAndGet();
            return active;
        });
        assertThat(reads).hasValue(2);
    }
}
