package org.cinely.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpellingTests {

    @Test
    void craftNamesAreKnownAndTheirTyposCorrectedKeepingWhatElseWasTyped() {
        Spelling spelling = Spelling.of(List.of());
        assertThat(spelling.corrections("Gafer")).first().isEqualTo("gaffer");
        assertThat(spelling.corrections("night, cinematograher!")).first().isEqualTo("night, cinematographer!");
        assertThat(spelling.corrections("colorsit")).first().isEqualTo("colorist");
        // Known words and words too short or too far from any known word are left alone.
        assertThat(spelling.corrections("gaffer")).isEmpty();
        assertThat(spelling.corrections("DP")).isEmpty();
        assertThat(spelling.corrections("xylophonist")).isEmpty();
    }

    @Test
    void frequentWordsOfTheRecentRowsAreKnownAndTheCommonestNeighbourComesFirst() {
        Spelling spelling = Spelling.of(List.of(
                "A documentary about harbours",
                "Documentary crew, night shoot",
                "documentary; documentation",
                "documentation",
                "Night shoot by the river",
                "one-off typo documentery"));
        assertThat(spelling.knows("documentary")).isTrue();
        // Seen once: could be a typo itself, so not a suggestion.
        assertThat(spelling.knows("documentery")).isFalse();
        assertThat(spelling.corrections("documentery night")).first().isEqualTo("documentary night");
        assertThat(spelling.corrections("documentatoin")).containsExactly("documentation");
        assertThat(spelling.corrections("nigth shot")).contains("night shoot");
        assertThat(spelling.corrections("a b c d e f g h i j")).hasSizeLessThanOrEqualTo(Spelling.MAX_CORRECTIONS);
        // A rare word near a known one may be right: the correction of the other word alone
        // comes first (one edit, not two).
        assertThat(spelling.corrections("documentarz gafer")).first().isEqualTo("documentarz gaffer");
        assertThat(spelling.corrections("documentarz gafer")).contains("documentary gaffer");
    }

    @Test
    void editDistanceCountsASwapOfNeighboursAsOneAndStopsEarly() {
        assertThat(Spelling.distance("gaffer", "gaffer", 2)).isZero();
        assertThat(Spelling.distance("gafefr", "gaffer", 2)).isEqualTo(1);
        assertThat(Spelling.distance("gafr", "gaffer", 2)).isEqualTo(2);
        assertThat(Spelling.distance("grip", "gaffer", 2)).isEqualTo(3);
    }

    @Test
    void theDictionaryIsCountedOnceAndAgainOnlyWhenOld() {
        AtomicInteger reads = new AtomicInteger();
        Instant[] now = {Instant.parse("2026-12-04T05:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Spelling.Cache cache = new Spelling.Cache(
                () -> {
                    reads.incrementAndGet();
                    return List.of("steadicam steadicam");
                },
                Duration.ofHours(1),
                clock);
        assertThat(cache.get().knows("steadicam")).isTrue();
        cache.get();
        assertThat(reads).hasValue(1);
        now[0] = now[0].plus(Duration.ofMinutes(61));
        cache.get();
        assertThat(reads).hasValue(2);
    }
}
