package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectorySearchTests {

    @Test
    void everyIndexableWordIsRequiredAsAPrefix() {
        assertThat(DirectorySearch.of("Night  GAFFER", null, null, null, 0).indexWords())
                .containsExactly("night", "gaffer");
    }

    @Test
    void booleanOperatorsAndShortOrStopWordsAreDropped() {
        assertThat(DirectorySearch.of("+a -the \"(dp)\" ~night* @2", null, null, null, 0)
                        .indexWords())
                .containsExactly("night");
        assertThat(DirectorySearch.of("DP", null, null, null, 0).indexWords()).isEmpty();
    }

    @Test
    void unknownFiltersAreIgnoredAndPagesAreNeverNegative() {
        DirectorySearch search = DirectorySearch.of(" ", "astronaut", "", "whenever", -3);
        assertThat(search.q()).isNull();
        assertThat(search.craft()).isNull();
        assertThat(search.location()).isNull();
        assertThat(search.availability()).isNull();
        assertThat(search.page()).isZero();
        assertThat(search.filtered()).isFalse();
    }

    @Test
    void linksAreShareableAndKeepEveryFilter() {
        DirectorySearch search = DirectorySearch.of("night shoot", "gaffer", "São Paulo", "available", 0);
        assertThat(search.link(2))
                .isEqualTo(
                        "/members?q=night%20shoot&craft=gaffer&location=S%C3%A3o%20Paulo&availability=available&page=2");
        assertThat(DirectorySearch.of(null, "gaffer", null, null, 3).link(0)).isEqualTo("/members?craft=gaffer");
    }

    @Test
    void overLongSearchesAreCutToASaneLength() {
        assertThat(DirectorySearch.of("x".repeat(1000), null, null, null, 0).q())
                .hasSize(100);
    }
}
