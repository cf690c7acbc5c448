package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Public pages kept for visitors, in the real application: what a visitor and a member see. The
 * shared test context has the cache off (every other test writes rows and reads the page after),
 * so this test wraps the application in a cache of its own, on a clock it moves itself, behind the
 * same session and security filters the server runs first.
 */
@CinelyIntegrationTest
class PublicPageCacheIntegrationTests {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;
    final AtomicLong nanos = new AtomicLong();
    PublicPageCache cache;
    MockMvc mvc;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        cache = new PublicPageCache(MAX_AGE, nanos::get);
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(
                        context.getBean("springSessionRepositoryFilter", Filter.class),
                        context.getBean("springSecurityFilterChain", Filter.class),
                        new PublicPageCacheFilter(cache, context))
                .build();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** A profile as a visitor sees it, with how it was answered (X-Page-Cache). */
    record Seen(int status, String cache, Document page) {

        String headline() {
            return page.select(".profile-header__headline").text();
        }

        boolean signedIn() {
            return !page.select("form[action=/logout]").isEmpty();
        }
    }

    Seen seen(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = perform(request);
        return new Seen(
                response.getStatus(),
                response.getHeader(PublicPageCacheFilter.HEADER),
                Jsoup.parse(response.getContentAsString()));
    }

    Seen visitor(Member member) throws Exception {
        return seen(get("/members/" + member.handle()));
    }

    MockHttpServletRequestBuilder saveProfile(Member member, String headline) {
        return post("/settings/profile")
                .with(csrf())
                .with(user(member.principal()))
                .param("displayName", member.displayName())
                .param("handle", member.handle())
                .param("headline", headline)
                .param("crafts", "gaffer")
                .param("visibility", "PUBLIC");
    }

    void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aVisitorSeesAMembersChangedHeadlineOnTheNextPageAfterTheySaveIt() throws Exception {
        Member ada = members.create("Ada Lumen");
        members.describe(ada, "Gaffer", "Berlin", "Germany", "gaffer");

        Seen first = visitor(ada);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.cache()).isEqualTo("miss");
        assertThat(first.headline()).isEqualTo("Gaffer");
        assertThat(first.signedIn()).isFalse();
        Seen kept = visitor(ada);
        assertThat(kept.cache()).as("a visitor's profile is kept").isEqualTo("hit");
        assertThat(kept.headline()).isEqualTo("Gaffer");

        MockHttpServletResponse saved = perform(saveProfile(ada, "Chief lighting technician"));
        assertThat(saved.getStatus()).as("the form was accepted").isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/settings/profile");

        Seen after = visitor(ada);
        assertThat(after.headline())
                .as("no waiting for the max age: the save dropped the kept page")
                .isEqualTo("Chief lighting technician");
        assertThat(after.cache()).isEqualTo("miss");
        assertThat(visitor(ada).cache()).as("and the new page is kept in turn").isEqualTo("hit");
    }

    @Test
    void aVisitorWithASessionGetsTheProfileRenderedAfresh() throws Exception {
        Member ada = members.create("Ada Lumen");
        members.describe(ada, "Gaffer", "Berlin", "Germany", "gaffer");
        assertThat(visitor(ada).cache()).isEqualTo("miss");
        assertThat(visitor(ada).cache()).isEqualTo("hit");

        // The log-in page gives a visitor a session (its form's CSRF token lives there).
        MockHttpServletResponse login = perform(get("/login"));
        Cookie session = login.getCookie("SESSION");
        assertThat(session).as("the log-in page starts a session").isNotNull();
        members.describe(ada, "Best boy", "Berlin", "Germany", "gaffer"); // straight into the database

        Seen withSession = seen(get("/members/" + ada.handle()).cookie(session));

        assertThat(withSession.status()).isEqualTo(200);
        assertThat(withSession.cache()).as("not served from the cache").isNull();
        assertThat(withSession.headline()).isEqualTo("Best boy");
        assertThat(visitor(ada).headline())
                .as("the visitor without one still gets the kept page")
                .isEqualTo("Gaffer");
    }

    @Test
    void aSignedInMemberSeesTheirOwnHeaderNeverTheVisitorsKeptPage() throws Exception {
        Member ada = members.create("Ada Lumen");
        Member viewer = members.create("Vic Viewer");
        members.describe(ada, "Gaffer", "Berlin", "Germany", "gaffer");
        visitor(ada);
        assertThat(visitor(ada).cache()).isEqualTo("hit");

        Seen member = seen(get("/members/" + ada.handle()).with(user(viewer.principal())));

        assertThat(member.status()).isEqualTo(200);
        assertThat(member.cache()).as("not served from the cache").isNull();
        assertThat(member.signedIn())
                .as("their own header, with the log-out form")
                .isTrue();
        assertThat(member.page().html()).contains("Vic Viewer");
        assertThat(member.headline()).isEqualTo("Gaffer");

        Seen after = visitor(ada);
        assertThat(after.cache()).isEqualTo("hit");
        assertThat(after.signedIn())
                .as("and the visitor still gets the visitor's page")
                .isFalse();
        assertThat(after.page().html()).doesNotContain("Vic Viewer");
    }

    @Test
    void aChangeWrittenStraightIntoTheDatabaseShowsOnceTheMaxAgeHasPassed() throws Exception {
        Member ada = members.create("Ada Lumen");
        members.describe(ada, "Gaffer", "Berlin", "Germany", "gaffer");
        assertThat(visitor(ada).headline()).isEqualTo("Gaffer");

        members.describe(ada, "Key grip", "Berlin", "Germany", "gaffer"); // another node, a background task

        later(MAX_AGE.minusSeconds(1));
        Seen within = visitor(ada);
        assertThat(within.cache()).isEqualTo("hit");
        assertThat(within.headline()).as("within the max age: the kept page").isEqualTo("Gaffer");

        later(MAX_AGE.plusSeconds(2)); // past twice the max age
        Seen past = visitor(ada);
        assertThat(past.cache()).isEqualTo("miss");
        assertThat(past.headline()).isEqualTo("Key grip");
    }

    @Test
    void pastTheMaxAgeTheFirstVisitorGetsTheChangeAndTheNextOneToo() throws Exception {
        Member ada = members.create("Ada Lumen");
        members.describe(ada, "Gaffer", "Berlin", "Germany", "gaffer");
        visitor(ada);
        members.describe(ada, "Key grip", "Berlin", "Germany", "gaffer");

        later(MAX_AGE.plusSeconds(1));

        Seen renewing = visitor(ada);
        assertThat(renewing.cache()).isEqualTo("miss");
        assertThat(renewing.headline()).isEqualTo("Key grip");
        Seen next = visitor(ada);
        assertThat(next.cache()).isEqualTo("hit");
        assertThat(next.headline()).as("the renewed page replaced the old one").isEqualTo("Key grip");
    }

    @Test
    void aVisitorGetsDatesInTheirOwnLanguageWhoeverRenderedThePageFirst() throws Exception {
        Member poster = members.create("Paula Poster");
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        MockHttpServletResponse posted = perform(post("/jobs/new")
                .with(csrf())
                .with(user(poster.principal()))
                .param("title", "Gaffer for a five-day night shoot")
                .param("crafts", "gaffer")
                .param("productionTitle", "The Long Dark")
                .param("productionType", "FEATURE")
                .param("company", "Northlight Pictures")
                .param("city", "Lisbon")
                .param("country", "Portugal")
                .param("startDate", start.toString())
                .param("endDate", start.plusDays(5).toString())
                .param("compensation", "PAID")
                .param("payAmount", "450")
                .param("payUnit", "DAY")
                .param("payCurrency", "EUR")
                .param("unionStatus", "EITHER")
                .param("description", "Night exteriors on the river.")
                .param("wantsReel", "false")
                .param("wantsCredits", "true")
                .param("wantsCoverNote", "true")
                .param("applicationDeadline", start.minusDays(10).toString())
                .param("runsForDays", "30"));
        String job = posted.getRedirectedUrl();
        assertThat(job).as("the listing was posted").matches("/jobs/\\d+");
        String english =
                DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(start);
        String german =
                DateTimeFormatter.ofPattern("d MMM yyyy", Locale.GERMANY).format(start);
        assertThat(german).isNotEqualTo(english);

        Seen inBerlin = seen(get(job).header("Accept-Language", "de-DE,de;q=0.9"));
        assertThat(inBerlin.status()).isEqualTo(200);
        assertThat(inBerlin.page().text()).contains(german);

        MockHttpServletResponse inLondon = perform(get(job).header("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(Jsoup.parse(inLondon.getContentAsString()).text())
                .as("the start date as an English browser shows it")
                .contains(english)
                .doesNotContain(german);
        assertThat(inLondon.getHeader("Content-Language")).isNotEqualTo("de-DE");
    }
}
