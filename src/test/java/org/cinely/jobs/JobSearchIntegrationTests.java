package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cinely.jobs.JobsTestSupport.as;
import static org.cinely.jobs.JobsTestSupport.page;
import static org.cinely.jobs.JobsTestSupport.today;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The board: full-text search, every filter, sorting, paging, and saved-search alerts. */
@CinelyIntegrationTest
class JobSearchIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JobSearchIndex searchIndex;

    @Autowired
    JobSearchQueries queries;

    JobsTestSupport support;
    CurrentMember poster;
    String marker;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        support = new JobsTestSupport(mvc, data);
        poster = support.member("Rosa Ventura", true);
        // A word no other test's listing has, so results are only this test's listings.
        marker = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    long list(String title, Map<String, String> changes) throws Exception {
        Map<String, String> fields = new java.util.HashMap<>(changes);
        fields.put("title", title);
        fields.putIfAbsent("description", "Crew call " + marker + ". Bring gloves.");
        return support.postJob(poster, fields);
    }

    List<String> titles(String query) throws Exception {
        Document page = page(
                mvc.perform(get("/jobs?" + query)).andExpect(status().isOk()).andReturn());
        return page.select(".job-card__title a").eachText();
    }

    @Test
    void fullTextSearchesTitleProductionAndDescription() throws Exception {
        list("Gaffer for night exteriors", Map.of("productionTitle", "Harbour Lights"));
        list("Boom operator", Map.of("description", "Night shoot by the docks " + marker));
        list("Editor for a documentary", Map.of());

        assertThat(titles("q=" + marker + "+night"))
                .containsExactlyInAnyOrder("Gaffer for night exteriors", "Boom operator");
        assertThat(titles("q=" + marker + "+harbour")).containsExactly("Gaffer for night exteriors");
        // Prefixes match as people type.
        assertThat(titles("q=" + marker + "+documen")).containsExactly("Editor for a documentary");
        // Operators typed into the box are only words.
        assertThat(titles("q=" + marker + "+-night+\"docks")).containsExactly("Boom operator");
    }

    @Test
    void wordsFindListingsByTheirCraftAndItsCommonNames() throws Exception {
        Map<String, String> crafts = new java.util.LinkedHashMap<>();
        crafts.put("Call A", "cinematographer");
        crafts.put("Call B", "camera-operator");
        crafts.put("Call C", "first-ac");
        crafts.put("Call D", "grip");
        crafts.put("Call E", "sound-mixer");
        crafts.put("Call F", "gaffer");
        crafts.put("Call G", "editor");
        crafts.put("Call H", "colorist");
        for (Map.Entry<String, String> listing : crafts.entrySet()) {
            list(listing.getKey(), Map.of("crafts", listing.getValue()));
        }
        // A producer's call that names the craft in its text: words still find it.
        list("Producer wanted", Map.of("crafts", "producer", "description", "Our cinematographer " + marker));

        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("cinematographer", List.of("Call A", "Producer wanted"));
        expected.put("DP", List.of("Call A"));
        expected.put("DoP", List.of("Call A"));
        expected.put("director of photography", List.of("Call A"));
        expected.put("camera", List.of("Call B", "Call C"));
        expected.put("AC", List.of("Call C"));
        expected.put("focus puller", List.of("Call C"));
        expected.put("grip", List.of("Call D"));
        expected.put("sound mixer", List.of("Call E"));
        expected.put("sound recordist", List.of("Call E"));
        expected.put("gaffer", List.of("Call F"));
        expected.put("lighting", List.of("Call F"));
        expected.put("editor", List.of("Call G"));
        expected.put("cutter", List.of("Call G"));
        expected.put("colourist", List.of("Call H"));
        expected.put("grader", List.of("Call H"));
        for (Map.Entry<String, List<String>> search : expected.entrySet()) {
            assertThat(titles("q=" + marker + "+" + search.getKey().replace(' ', '+')))
                    .as(search.getKey())
                    .containsExactlyInAnyOrderElementsOf(search.getValue());
        }
        // Alone, too, and in a saved search's alert (the same conditions on one row).
        assertThat(titles("q=DoP")).contains("Call A").doesNotContain("Call B", "Producer wanted");
        long id = list("Call I", Map.of("crafts", "sound-mixer"));
        assertThat(queries.matches(JobSearch.fromQueryString("q=recordist"), id, java.time.Instant.now()))
                .isTrue();
        assertThat(queries.matches(JobSearch.fromQueryString("q=gaffer"), id, java.time.Instant.now()))
                .isFalse();
    }

    @Test
    void aSearchThatFindsNothingOffersTheNearestSpellingThatFindsSomething() throws Exception {
        list("Call for the night", Map.of("crafts", "gaffer"));
        Document page =
                page(mvc.perform(get("/jobs").param("q", marker + " gafer").param("paid", "true"))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page.select(".job-card")).isEmpty();
        assertThat(page.select(".did-you-mean").text()).isEqualTo("Did you mean " + marker + " gaffer?");
        String link = page.select(".did-you-mean a").attr("href");
        assertThat(link).isEqualTo("/jobs?q=" + marker + "%20gaffer&paid=true");
        assertThat(page(mvc.perform(get(java.net.URI.create(link))).andReturn())
                        .select(".job-card__title a")
                        .eachText())
                .containsExactly("Call for the night");

        // A spelling that would find nothing either is not offered.
        Document none =
                page(mvc.perform(get("/jobs").param("q", marker + " edtor")).andReturn());
        assertThat(none.select(".job-card")).isEmpty();
        assertThat(none.select(".did-you-mean")).isEmpty();
    }

    @Test
    void filtersByCraftPlaceRemotePaidUnionStartAndPosted() throws Exception {
        list("Gaffer Lisbon union paid", Map.of("crafts", "gaffer", "unionStatus", "UNION"));
        list(
                "Editor remote deferred",
                Map.of("crafts", "editor", "city", "", "country", "", "remote", "true", "compensation", "DEFERRED"));
        list(
                "Grip Porto non-union late",
                Map.of(
                        "crafts", "grip,gaffer",
                        "city", "Porto",
                        "unionStatus", "NON_UNION",
                        "startDate", today().plusDays(60).toString(),
                        "endDate", today().plusDays(61).toString()));

        String q = "q=" + marker;
        assertThat(titles(q + "&craft=gaffer"))
                .containsExactlyInAnyOrder("Gaffer Lisbon union paid", "Grip Porto non-union late");
        assertThat(titles(q + "&craft=editor&craft=grip"))
                .containsExactlyInAnyOrder("Editor remote deferred", "Grip Porto non-union late");
        assertThat(titles(q + "&location=lisb")).containsExactly("Gaffer Lisbon union paid");
        assertThat(titles(q + "&location=Porto&remote=true"))
                .containsExactlyInAnyOrder("Editor remote deferred", "Grip Porto non-union late");
        assertThat(titles(q + "&remote=true")).containsExactly("Editor remote deferred");
        assertThat(titles(q + "&paid=true"))
                .containsExactlyInAnyOrder("Gaffer Lisbon union paid", "Grip Porto non-union late");
        // "Union or non-union" suits both.
        assertThat(titles(q + "&union=union"))
                .containsExactlyInAnyOrder("Gaffer Lisbon union paid", "Editor remote deferred");
        assertThat(titles(q + "&union=non-union"))
                .containsExactlyInAnyOrder("Grip Porto non-union late", "Editor remote deferred");
        assertThat(titles(q + "&startFrom=" + today().plusDays(50))).containsExactly("Grip Porto non-union late");
        assertThat(titles(q + "&startTo=" + today().plusDays(50)))
                .containsExactlyInAnyOrder("Gaffer Lisbon union paid", "Editor remote deferred");
        data.jdbc()
                .update(
                        "update job_listings j join job_search s on s.job_id = j.id"
                                + " set j.created_at = now(6) - interval 10 day, s.created_at = now(6) - interval 10 day where j.title = ?",
                        "Editor remote deferred");
        assertThat(titles(q + "&posted=7"))
                .containsExactlyInAnyOrder("Gaffer Lisbon union paid", "Grip Porto non-union late");
        // Nonsense in a shared URL is ignored, not an error.
        assertThat(titles(q + "&craft=astronaut&posted=abc&startFrom=yesterday&union=maybe&page=x"))
                .hasSize(3);
    }

    @Test
    void closedAndExpiredListingsLeaveTheBoard() throws Exception {
        long closed = list("Closed one", Map.of());
        long expired = list("Expired one", Map.of());
        list("Open one", Map.of());
        mvc.perform(post("/jobs/" + closed + "/close").with(csrf()).with(as(poster)));
        // Time passes: the listing's expiry (and its search row's copy of it) is now behind us.
        data.jdbc()
                .update(
                        "update job_listings j join job_search s on s.job_id = j.id"
                                + " set j.expires_at = now(6) - interval 1 second, s.expires_at = now(6) - interval 1 second where j.id = ?",
                        expired);
        assertThat(titles("q=" + marker)).containsExactly("Open one");
        // The clean-up drops expired rows (closing dropped its row at once); the open one stays.
        searchIndex.removeExpired();
        assertThat(data.jdbc()
                        .queryForList(
                                "select job_id from job_search where job_id in (?, ?)", Long.class, closed, expired))
                .isEmpty();
        assertThat(titles("q=" + marker)).containsExactly("Open one");
    }

    @Test
    void theBoardFollowsEditsClosingReopeningAndExtending() throws Exception {
        long id = list("Gaffer, five nights", Map.of("crafts", "gaffer"));
        assertThat(titles("q=" + marker + "&craft=gaffer")).containsExactly("Gaffer, five nights");

        // An edit changes what the listing is found by, at once.
        Map<String, String> fields = JobsTestSupport.validJob();
        fields.put("title", "Best boy electric");
        fields.put("crafts", "electrician");
        fields.put("description", "Crew call " + marker + " with a balloon light.");
        mvc.perform(JobsTestSupport.form(post("/jobs/" + id + "/edit"), fields).with(as(poster)))
                .andExpect(status().is3xxRedirection());
        assertThat(titles("q=" + marker + "&craft=gaffer")).isEmpty();
        assertThat(titles("q=" + marker + "+balloon&craft=electrician")).containsExactly("Best boy electric");

        mvc.perform(post("/jobs/" + id + "/close").with(csrf()).with(as(poster)));
        assertThat(titles("q=" + marker)).isEmpty();
        mvc.perform(post("/jobs/" + id + "/reopen").with(csrf()).with(as(poster)));
        assertThat(titles("q=" + marker)).containsExactly("Best boy electric");

        // Expired, then extended: back on the board.
        data.jdbc()
                .update(
                        "update job_listings j join job_search s on s.job_id = j.id"
                                + " set j.expires_at = now(6) - interval 1 hour, s.expires_at = now(6) - interval 1 hour"
                                + " where j.id = ?",
                        id);
        searchIndex.removeExpired();
        assertThat(titles("q=" + marker)).isEmpty();
        mvc.perform(
                post("/jobs/" + id + "/extend").param("days", "14").with(csrf()).with(as(poster)));
        assertThat(titles("q=" + marker)).containsExactly("Best boy electric");
    }

    @Test
    void sortsByNewestClosingSoonAndRelevance() throws Exception {
        long older = list(
                "Older call with lighting lighting",
                Map.of("description", marker + " lighting lighting lighting lighting", "applicationDeadline", ""));
        long newer = list(
                "Newer call",
                Map.of(
                        "description",
                        marker + " some lighting",
                        "applicationDeadline",
                        today().plusDays(2).toString()));
        data.jdbc()
                .update(
                        "update job_listings j join job_search s on s.job_id = j.id"
                                + " set j.created_at = now(6) - interval 2 day, s.created_at = now(6) - interval 2 day where j.id = ?",
                        older);

        assertThat(titles("q=" + marker + "&sort=newest"))
                .containsExactly("Newer call", "Older call with lighting lighting");
        assertThat(titles("q=" + marker + "&sort=closing"))
                .containsExactly("Newer call", "Older call with lighting lighting");
        assertThat(titles("q=" + marker + "+lighting&sort=relevance"))
                .containsExactly("Older call with lighting lighting", "Newer call");
        assertThat(newer).isPositive();
    }

    @Test
    void pagesThroughResultsKeepingTheFilters() throws Exception {
        for (int i = 0; i < 21; i++) {
            list("Runner " + i, Map.of());
            if (i % 10 == 9) { // stay under the ten-a-day limit
                data.jdbc()
                        .update(
                                "update job_listings j left join job_search s on s.job_id = j.id"
                                        + " set j.created_at = j.created_at - interval 2 day,"
                                        + " s.created_at = s.created_at - interval 2 day where j.poster_id = ?",
                                poster.id().value());
            }
        }
        Document first =
                page(mvc.perform(get("/jobs?q=" + marker + "&paid=true")).andReturn());
        assertThat(first.select(".job-card")).hasSize(20);
        assertThat(first.select(".result-count").text()).isEqualTo("21 open listings");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("q=" + marker).contains("paid=true").contains("page=1");
        Document second = page(mvc.perform(get(next)).andReturn());
        assertThat(second.select(".job-card")).hasSize(1);
    }

    @Test
    void aSavedSearchCollectsNewMatchesAndMailsWhenAsked() throws Exception {
        CurrentMember seeker = support.member("Kofi Mensah", true);
        mvc.perform(post("/jobs/saved-searches")
                        .with(csrf())
                        .with(as(seeker))
                        .param("q", marker)
                        .param("craft", "gaffer")
                        .param("name", "Gaffer calls")
                        .param("emailAlerts", "true"))
                .andExpect(status().is3xxRedirection());

        list("Gaffer wanted", Map.of("crafts", "gaffer"));
        list("Editor wanted", Map.of("crafts", "editor"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> data.jdbc()
                                .queryForObject(
                                        "select count(*) from job_saved_search_matches m join job_saved_searches s"
                                                + " on s.id = m.saved_search_id where s.member_id = ?",
                                        Integer.class,
                                        seeker.id().value())
                        == 1);
        Document page =
                page(mvc.perform(get("/jobs/saved-searches").with(as(seeker))).andReturn());
        assertThat(page.select(".match-list a").eachText()).containsExactly("Gaffer wanted");
        assertThat(page.select(".match-list .status").text()).isEqualTo("New");
        // Every page tells the member in the header, until they mark the matches seen.
        Document elsewhere = page(mvc.perform(get("/members").with(as(seeker))).andReturn());
        assertThat(elsewhere.select(".account-menu__toggle .badge").attr("title"))
                .isEqualTo("1 new listing for your saved searches");
        assertThat(elsewhere
                        .select(".account-menu__panel a[href=/jobs/saved-searches] .badge")
                        .text())
                .isEqualTo("1");
        // (the first mail is the sign-up verification)
        await().atMost(Duration.ofSeconds(15)).until(() -> data.mailCount(seeker.email()) == 2);
        assertThat(data.latestMailBody(seeker.email()))
                .contains("Gaffer calls")
                .contains("Gaffer wanted")
                .contains("/jobs/");

        mvc.perform(post("/jobs/saved-searches/seen").with(csrf()).with(as(seeker)));
        Document seen =
                page(mvc.perform(get("/jobs/saved-searches").with(as(seeker))).andReturn());
        assertThat(seen.select(".match-list .status")).isEmpty();
        assertThat(seen.select(".account-menu .badge")).isEmpty();
    }

    @Test
    void savedSearchesArePrivate() throws Exception {
        CurrentMember seeker = support.member("Kofi Mensah", true);
        mvc.perform(post("/jobs/saved-searches")
                .with(csrf())
                .with(as(seeker))
                .param("q", marker)
                .param("name", "Mine"));
        long id = data.jdbc()
                .queryForObject(
                        "select id from job_saved_searches where member_id = ?",
                        Long.class,
                        seeker.id().value());
        mvc.perform(post("/jobs/saved-searches/" + id + "/delete").with(csrf()).with(as(poster)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/jobs/saved-searches/" + id + "/alerts")
                        .with(csrf())
                        .with(as(poster))
                        .param("emailAlerts", "true"))
                .andExpect(status().isNotFound());
        Document others =
                page(mvc.perform(get("/jobs/saved-searches").with(as(poster))).andReturn());
        assertThat(others.text()).doesNotContain("Mine");
        mvc.perform(post("/jobs/saved-searches/" + id + "/delete").with(csrf()).with(as(seeker)))
                .andExpect(status().is3xxRedirection());
        assertThat(data.jdbc()
                        .queryForObject("select count(*) from job_saved_searches where id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void membersSeeTheirListingsAndCanSaveTheSearchTheyAreOn() throws Exception {
        long id = list("Script supervisor", Map.of("crafts", "script-supervisor"));
        Document board =
                page(mvc.perform(get("/jobs?q=" + marker + "&paid=true").with(as(poster)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(board.select("form.save-search input[name=q]").val()).isEqualTo(marker);
        assertThat(board.select("form.save-search input[name=paid]").val()).isEqualTo("true");

        Document mine = page(mvc.perform(get("/jobs/mine").with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(mine.select(".job-card__title a").eachText()).containsExactly("Script supervisor");
        assertThat(mine.select(".my-listing__actions a").first().attr("href")).isEqualTo("/jobs/" + id + "/applicants");

        Document form = page(mvc.perform(get("/jobs/new").with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form.select("#runsForDays").val()).isEqualTo("30");
        Document edit = page(mvc.perform(get("/jobs/" + id + "/edit").with(as(poster)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(edit.select("input[name=crafts][value=script-supervisor]").hasAttr("checked"))
                .isTrue();
    }
}
