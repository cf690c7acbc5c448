package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cinely.platform.Craft;
import org.junit.jupiter.api.Test;

class JobSearchTests {

    @Test
    void aSearchSurvivesTheRoundTripThroughItsUrl() {
        JobSearch search = JobSearch.from(Map.of(
                "q", List.of("night shoot & co"),
                "craft", List.of("gaffer", "first-ac"),
                "paid", List.of("true"),
                "union", List.of("non-union"),
                "startFrom", List.of("2027-01-02")));
        String query = search.toQueryString();
        JobSearch again = JobSearch.fromQueryString(query);
        assertThat(again).isEqualTo(search);
        assertThat(again.crafts()).containsExactly(Craft.GAFFER, Craft.FIRST_AC);
        assertThat(again.startFrom()).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(query).startsWith("q=night%20shoot%20%26%20co&craft=gaffer&craft=first-ac&paid=true");
    }

    @Test
    void nonsenseInTheUrlIsDropped() {
        JobSearch search = JobSearch.from(Map.of(
                "craft",
                List.of("astronaut"),
                "posted",
                List.of("5"),
                "startTo",
                List.of("soon"),
                "sort",
                List.of("x")));
        assertThat(search.isFiltered()).isFalse();
        assertThat(search.sort()).isEqualTo(JobSearch.Sort.NEWEST);
    }

    @Test
    void linksInTextAreOnlyHttpAndStopBeforePunctuation() {
        RichText text = RichText.of("See https://example.org/call. Or javascript:alert(1)\n\nSecond <b>para</b>");
        assertThat(text.paragraphs()).hasSize(2);
        List<RichText.Segment> first = text.paragraphs().get(0).segments();
        assertThat(first).extracting(RichText.Segment::href).containsOnlyOnce("https://example.org/call");
        assertThat(first.stream().filter(RichText.Segment::link).toList()).hasSize(1);
        assertThat(text.paragraphs().get(1).segments().get(0).text()).isEqualTo("Second <b>para</b>");
    }
}
