package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.search.Sql;
import org.cinely.platform.search.TextSearchPlanner.Access;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jooq.DSLContext;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The board reads a word search one of three ways (TextSearchPlanner): through the full-text
 * index, through the place's index, or down the newest listings. Whichever it takes, a search must
 * find the same listings: these tests force each way on the same searches.
 */
@CinelyIntegrationTest
class JobSearchPlansIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JobSearchQueries queries;

    @Autowired
    DSLContext dsl;

    JobsTestSupport support;
    CurrentMember poster;
    String marker;
    Map<Long, String> titles = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        support = new JobsTestSupport(mvc, data);
        poster = support.member("Ines Amaral", true);
        marker = "zp" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "y");
        list(
                "Gaffer for NIGHT exteriors",
                Map.of("crafts", "gaffer", "city", "Berlin", "country", "Germany", "unionStatus", "NON_UNION"));
        list("Best boy", Map.of("crafts", "electrician", "description", "Nightfall shoot, Café scene " + marker));
        list("Knight armour wrangler", Map.of("crafts", "costume-designer", "description", "Knights " + marker));
        list(
                "Remote editor",
                Map.of("crafts", "editor", "city", "", "country", "", "remote", "true", "compensation", "DEFERRED"));
        list("Night grip", Map.of("crafts", "grip", "city", "Berlin", "country", "Germany", "unionStatus", "UNION"));
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    long list(String title, Map<String, String> changes) throws Exception {
        Map<String, String> fields = new HashMap<>(changes);
        fields.put("title", title);
        fields.putIfAbsent("description", "Crew call " + marker + ". Bring gloves.");
        long id = support.postJob(poster, fields);
        titles.put(id, title);
        return id;
    }

    List<String> found(JobSearch search, Access access) {
        JobSearchQueries.Page page = queries.search(search, Instant.now(), 0, 50, access);
        return page.rows().stream().map(JobCard::title).toList();
    }

    static JobSearch search(String q, List<Craft> crafts, String location, boolean remote, UnionStatus union) {
        return new JobSearch(q, crafts, location, remote, false, union, null, null, null, null);
    }

    @Test
    void everyAccessFindsTheSameListings() {
        record Case(JobSearch search, List<String> expected) {}
        List<Case> cases = List.of(
                // A prefix, in any case, at the start of a word only ("Knight" is no night).
                new Case(
                        search(marker + " night", List.of(), "", false, null),
                        List.of("Gaffer for NIGHT exteriors", "Best boy", "Night grip")),
                // Accents are ignored, as the collation ignores them.
                new Case(search(marker + " cafe", List.of(), "", false, null), List.of("Best boy")),
                new Case(search(marker + " knight", List.of(), "", false, null), List.of("Knight armour wrangler")),
                new Case(
                        search(marker + " night", List.of(Craft.GRIP, Craft.ELECTRICIAN), "", false, null),
                        List.of("Best boy", "Night grip")),
                new Case(
                        search(marker + " night", List.of(), "berl", false, null),
                        List.of("Gaffer for NIGHT exteriors", "Night grip")),
                new Case(search(marker, List.of(), "Germany", false, UnionStatus.UNION), List.of("Night grip")),
                new Case(
                        search(marker, List.of(), "Berlin", true, null),
                        List.of("Gaffer for NIGHT exteriors", "Remote editor", "Night grip")),
                // A short word ("AC", "DP") is matched in titles, whatever reads the long ones.
                new Case(search(marker + " bo", List.of(), "", false, null), List.of("Best boy")),
                new Case(search(marker + " nothing", List.of(), "", false, null), List.of()),
                // Craft phrases: the craft (or its synonyms) or the words in the text.
                new Case(
                        search(marker + " lighting", List.of(), "", false, null),
                        List.of("Gaffer for NIGHT exteriors", "Best boy")),
                new Case(search(marker + " sparks", List.of(), "", false, null), List.of("Best boy")),
                new Case(search(marker + " wardrobe", List.of(), "", false, null), List.of("Knight armour wrangler")),
                new Case(search(marker + " cutter", List.of(), "", false, null), List.of("Remote editor")),
                new Case(search(marker + " best boy", List.of(), "", false, null), List.of("Best boy", "Night grip")),
                new Case(search(marker + " night grip", List.of(), "berlin", false, null), List.of("Night grip")));
        for (Case c : cases) {
            for (Access access : Access.values()) {
                assertThat(found(c.search(), access))
                        .as("%s read by %s", c.search().q(), access)
                        .containsExactlyInAnyOrderElementsOf(c.expected());
            }
        }
    }

    @Test
    void craftPhrasesAloneFindTheSameListingsWhateverReadsThem() throws Exception {
        String city = "Zq" + marker;
        list("Camera crew", Map.of("crafts", "cinematographer", "city", city));
        list("Looking for a cinematographer", Map.of("crafts", "producer", "city", city));
        list("Runner", Map.of("crafts", "production-assistant", "city", city));
        list("Colour grading suite", Map.of("crafts", "colorist", "city", city));
        record Case(String q, List<String> expected) {}
        List<Case> cases = List.of(
                new Case("DP", List.of("Camera crew")),
                new Case("DoP", List.of("Camera crew")),
                new Case("director of photography", List.of("Camera crew")),
                new Case("Cinematographer", List.of("Camera crew", "Looking for a cinematographer")),
                new Case("PA", List.of("Runner")),
                new Case("colourist", List.of("Colour grading suite")),
                new Case("grader", List.of("Colour grading suite")),
                new Case("gaffer", List.of()));
        for (Case c : cases) {
            for (Access access : Access.values()) {
                assertThat(found(search(c.q(), List.of(), city, false, null), access))
                        .as("%s read by %s", c.q(), access)
                        .containsExactlyInAnyOrderElementsOf(c.expected());
            }
        }
    }

    @Test
    void readingDownTheNewestListingsShowsThemNewestFirstWithAnEstimatedTotal() {
        JobSearch search = search(marker, List.of(), "", false, null);
        JobSearchQueries.Page first = queries.search(search, Instant.now(), 0, 2, Access.RECENT);
        assertThat(first.rows()).extracting(JobCard::title).containsExactly("Night grip", "Remote editor");
        assertThat(first.estimated()).isTrue();
        assertThat(first.hasNext()).isTrue();
        JobSearchQueries.Page last = queries.search(search, Instant.now(), 2, 2, Access.RECENT);
        assertThat(last.rows()).extracting(JobCard::title).containsExactly("Gaffer for NIGHT exteriors");
        // The walk reached the last match: the total is exact.
        assertThat(last.estimated()).isFalse();
        assertThat(last.total()).isEqualTo(5);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void readingThroughTheCraftsFollowsEditsAndClosing() throws Exception {
        long id = list("Sound recordist", Map.of("crafts", "sound-mixer"));
        JobSearch soundMixers = search(marker, List.of(Craft.SOUND_MIXER), "", false, null);
        JobSearch boomOperators = search(marker, List.of(Craft.BOOM_OPERATOR), "", false, null);
        assertThat(found(soundMixers, Access.CRAFT)).containsExactly("Sound recordist");

        Map<String, String> edited = JobsTestSupport.validJob();
        edited.put("title", "Sound recordist");
        edited.put("description", "Crew call " + marker);
        edited.put("crafts", "boom-operator");
        mvc.perform(JobsTestSupport.form(post("/jobs/" + id + "/edit"), edited).with(JobsTestSupport.as(poster)))
                .andExpect(status().is3xxRedirection());
        assertThat(found(soundMixers, Access.CRAFT)).isEmpty();
        assertThat(found(boomOperators, Access.CRAFT)).containsExactly("Sound recordist");

        mvc.perform(post("/jobs/" + id + "/close").with(csrf()).with(JobsTestSupport.as(poster)))
                .andExpect(status().is3xxRedirection());
        assertThat(found(boomOperators, Access.CRAFT)).isEmpty();
        assertThat(data.jdbc()
                        .queryForObject("select count(*) from job_search_crafts where job_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void onABoardOfThousandsCommonWordsComeNewestFirstAndThePageSaysSo() throws Exception {
        // 4,000 open listings, "film" in nearly all: ranking them would cost more than the
        // planner's full-text budget, so it reads down the newest listings.
        new JobListingGenerator(dsl).generate(4_000, 1.0, poster.id().value(), Sql.utc(Instant.now()));
        Document common = JobsTestSupport.page(mvc.perform(get("/jobs?q=film")).andReturn());
        assertThat(common.select(".result-count").eachText())
                .containsExactly(
                        "More than 1,000 open listings — add a craft, a place or a word to narrow them down",
                        "So many listings use these words that the newest come first, not the most relevant.");
        List<Long> shown = common.select(".job-card__title a").eachAttr("href").stream()
                .map(href -> Long.parseLong(href.substring("/jobs/".length())))
                .toList();
        List<Long> newest = dsl.select(JOB_SEARCH.JOB_ID)
                .from(JOB_SEARCH)
                .where(JobSearchQueries.filters(JobSearch.from(Map.of("q", List.of("film"))), Instant.now()))
                .orderBy(JOB_SEARCH.CREATED_AT.desc(), JOB_SEARCH.JOB_ID.desc())
                .limit(shown.size())
                .fetch(JOB_SEARCH.JOB_ID);
        assertThat(shown).hasSize(20).isEqualTo(newest);

        // Sorted by newest on purpose: nothing to excuse.
        Document byNewest = JobsTestSupport.page(
                mvc.perform(get("/jobs?q=film&sort=newest")).andReturn());
        assertThat(byNewest.select(".result-count")).hasSize(1);

        // Fewer matches than the count's cap (remote: one listing in eight): the total is the
        // sample's estimate, and the page says so.
        Document fewer = JobsTestSupport.page(
                mvc.perform(get("/jobs?q=film&remote=true")).andReturn());
        String count = fewer.select(".result-count").first().text();
        assertThat(count).matches("About [0-9,]+ open listings");
        int estimate = Integer.parseInt(count.replaceAll("[^0-9]", ""));
        int exact = dsl.fetchCount(
                JOB_SEARCH,
                JobSearchQueries.filters(
                        JobSearch.from(Map.of("q", List.of("film"), "remote", List.of("true"))), Instant.now()));
        assertThat(estimate).isBetween(exact / 2, exact * 2);
    }

    @Test
    void closingSoonIsKeptWhateverReadsTheWords() {
        JobSearch byClosing =
                new JobSearch(marker, List.of(), "", false, false, null, null, null, null, JobSearch.Sort.CLOSING);
        List<String> fullText = found(byClosing, Access.FULL_TEXT);
        assertThat(found(byClosing, Access.RECENT)).containsExactlyElementsOf(fullText);
    }
}
