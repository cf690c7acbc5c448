package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cinely.platform.MemberId;
import org.junit.jupiter.api.Test;

class SuggestionCacheTests {

    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger rankings = new AtomicInteger();
    final SuggestionCache cache = new SuggestionCache(Duration.ofMinutes(5), nanos::get);
    final MemberId me = MemberId.of(1);
    final MemberId other = MemberId.of(2);

    List<ConnectionQueries.Candidate> ranking(MemberId member) {
        return cache.ranking(member, () -> {
            rankings.incrementAndGet();
            return List.of(new ConnectionQueries.Candidate(rankings.get() * 100L, 3, 0));
        });
    }

    @Test
    void aRankingIsKeptUntilOneOfTheMembersConnectionEventsOrItsTimeToLive() {
        List<ConnectionQueries.Candidate> first = ranking(me);
        assertThat(ranking(me)).isEqualTo(first);

        cache.on(new ConnectionAccepted(me, other));
        assertThat(ranking(me)).as("a connection of theirs re-ranks").isNotEqualTo(first);
        assertThat(rankings).hasValue(2);

        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        ranking(me);
        assertThat(rankings).hasValue(2);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        ranking(me);
        assertThat(rankings)
                .as("others' new connections count within five minutes")
                .hasValue(3);
    }

    @Test
    void everyEventDropsBothMembersRankings() {
        ranking(me);
        ranking(other);
        cache.on(new MemberBlocked(other, me));
        ranking(me);
        ranking(other);
        assertThat(rankings).hasValue(4);
    }

    final SuggestionCache withShown = new SuggestionCache(Duration.ofMinutes(5), Duration.ofSeconds(10), nanos::get);
    final AtomicInteger made = new AtomicInteger();

    List<Suggestion> shown(MemberId member, int limit) {
        return withShown.shown(member, limit, () -> {
            made.incrementAndGet();
            return List.of();
        });
    }

    @Test
    void aShownListIsKeptPerSizeUntilTheMembersEventsAnyWriteHereOrItsMaxAge() {
        shown(me, 5);
        shown(me, 5);
        shown(me, 20);
        shown(other, 5);
        assertThat(made).as("one list per member and size").hasValue(3);

        withShown.on(new ConnectionRequested(1L, me, MemberId.of(3)));
        shown(me, 5);
        shown(me, 20);
        shown(other, 5);
        assertThat(made)
                .as("the member's own event drops both their lists, not others'")
                .hasValue(5);

        withShown.on(new org.cinely.platform.web.MemberWroteOnThisNode());
        shown(other, 5);
        assertThat(made)
                .as("any member's write on this node (a dismissal, a profile edit)")
                .hasValue(6);

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        shown(other, 5);
        assertThat(made).as("another node's change shows within ten seconds").hasValue(7);
    }
}
