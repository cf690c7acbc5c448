package org.cinely.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cinely.platform.search.TextSearchPlanner.Access;
import org.cinely.platform.search.TextSearchPlanner.Sample;
import org.junit.jupiter.api.Test;

class TextSearchPlannerTests {

    static final long ROWS = 100_000;

    @Test
    void rareWordsAreFoundThroughTheFullTextIndex() {
        // 5 of 500 recent profiles: about 1,000 matches, 5 ms of full-text search.
        assertThat(plan(new Sample(500, List.of(5), 5, Map.of(), 5)).access()).isEqualTo(Access.FULL_TEXT);
        assertThat(plan(new Sample(500, List.of(0), 0, Map.of(), 0)).access()).isEqualTo(Access.FULL_TEXT);
    }

    @Test
    void commonWordsWalkTheRecencyIndexAndEstimateTheTotal() {
        // A word in 20% of profiles: 20,000 matches to rank, or about 125 rows to read for a page.
        TextSearchPlanner.Plan plan = plan(new Sample(500, List.of(100), 100, Map.of(), 100));
        assertThat(plan.access()).isEqualTo(Access.RECENT);
        assertThat(plan.estimatedMatches()).isEqualTo(20_000);
    }

    @Test
    void commonWordsWithANarrowFilterGoBackToTheFullTextIndex() {
        // 10% have the word, but none of the 500 also has the craft: a page could mean reading
        // 25,000 rows down the recency index, more than ranking the word's 10,000 matches...
        assertThat(plan(new Sample(500, List.of(50), 50, Map.of(), 0)).access()).isEqualTo(Access.FULL_TEXT);
        // ...unless a place or a craft narrows the candidates to a couple of thousand: the
        // narrower of the two.
        assertThat(plan(new Sample(500, List.of(50), 50, Map.of(Access.PLACE, 10), 0))
                        .access())
                .isEqualTo(Access.PLACE);
        assertThat(plan(new Sample(500, List.of(50), 50, Map.of(Access.PLACE, 40, Access.CRAFT, 15), 0))
                        .access())
                .isEqualTo(Access.CRAFT);
    }

    @Test
    void aFewHitsInTheSampleAreNotTakenAtTheirWord() {
        // 4 of 500 with the word and the craft: at face value 0.8%, a 3,100-row walk (12.5 ms),
        // but four hits could as well be two (25 ms); 2.4% are colorists: 2,400 candidates
        // (14.4 ms) whatever the sample's luck.
        assertThat(plan(new Sample(500, List.of(40), 40, Map.of(Access.CRAFT, 12), 4))
                        .access())
                .isEqualTo(Access.CRAFT);
    }

    @Test
    void twoCommonWordsThatRarelyMeetAreRankedByRelevanceOnlyWhenThatIsCheaper() {
        // In 25% and 14%, together in 3.5%: 40,000 postings and 3,500 matches (35 ms of full-text
        // search), against about 700 rows down the recency index.
        assertThat(plan(new Sample(500, List.of(125, 70), 18, Map.of(), 18)).access())
                .isEqualTo(Access.RECENT);
        // Together in 0.4%: 200 rows are rarely in the same 25 recent ones; full text is cheaper.
        assertThat(plan(new Sample(500, List.of(125, 70), 2, Map.of(), 2)).access())
                .isEqualTo(Access.FULL_TEXT);
    }

    @Test
    void aFewThousandMatchesAreAlwaysRankedByRelevance() {
        // 10 of 500: about 2,000 matches, 10 ms; a recency walk would be cheaper, but unranked.
        assertThat(plan(new Sample(500, List.of(10), 10, Map.of(), 10)).access())
                .isEqualTo(Access.FULL_TEXT);
    }

    @Test
    void craftPhrasesAloneAreReadThroughTheirCraftOrDownTheRecencyIndex() {
        // "DP" alone: 1% are cinematographers (or say so), about 1,000 candidates through the craft
        // and full-text indexes (6.5 ms) against a 2,500-row walk.
        assertThat(plan(new Sample(500, List.of(), 0, Map.of(), 5, List.of(5))).access())
                .isEqualTo(Access.CRAFT_TERM);
        // "camera": 10% are in the camera department: a page is 250 rows down the recency index,
        // reading 10,000 candidates would cost 65 ms.
        assertThat(plan(new Sample(500, List.of(), 0, Map.of(), 50, List.of(50)))
                        .access())
                .isEqualTo(Access.RECENT);
        // A common word (10%) with a phrase (3%) that rarely meet (0.4%): the phrase's 3,000
        // candidates, each tested for the word (32 ms), rather than ranking 10,000 matches (50 ms)
        // or walking down the recency index for a page of them.
        assertThat(plan(new Sample(500, List.of(50), 50, Map.of(), 2, List.of(15)))
                        .access())
                .isEqualTo(Access.CRAFT_TERM);
        // Two phrases: the narrower one is read through its indexes.
        assertThat(new Sample(500, List.of(), 0, Map.of(), 1, List.of(50, 3)).narrowestTerm())
                .isEqualTo(1);
    }

    @Test
    void aCraftPhrasesWordsRankFullTextMatchesOnlyWhenTheyAreRare() {
        // "london director of photography": "director" is in a fifth of the profiles; ranking by it
        // would read 20,000 more rows. "night gaffer": "gaffer" in 0.4%, 400 rows, 2 ms.
        assertThat(plan(new Sample(500, List.of(20), 20, Map.of(), 2, List.of(25), List.of(100, 1)))
                        .rankByCraftWords())
                .isFalse();
        assertThat(plan(new Sample(500, List.of(20), 20, Map.of(), 2, List.of(25), List.of(2)))
                        .rankByCraftWords())
                .isTrue();
    }

    @Test
    void aSmallTableIsTheWholeSample() {
        TextSearchPlanner.Plan plan = TextSearchPlanner.plan(
                new Sample(40, List.of(40), 40, Map.of(), 40),
                () -> {
                    throw new AssertionError("a sample smaller than SAMPLE_ROWS read the whole table");
                },
                24);
        assertThat(plan.access()).isEqualTo(Access.FULL_TEXT);
        assertThat(plan.estimatedMatches()).isEqualTo(40);
    }

    @Test
    void estimatesKeepTwoSignificantDigits() {
        assertThat(TextSearchPlanner.roughly(4_312)).isEqualTo(4_300);
        assertThat(TextSearchPlanner.roughly(98.6)).isEqualTo(99);
        assertThat(TextSearchPlanner.roughly(12_560)).isEqualTo(13_000);
    }

    private static TextSearchPlanner.Plan plan(Sample sample) {
        return TextSearchPlanner.plan(sample, () -> ROWS, 24);
    }
}
