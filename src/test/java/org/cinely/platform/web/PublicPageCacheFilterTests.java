package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.Gunzip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the filter serves, keeps and drops, around a stand-in for the app that counts its renders. */
class PublicPageCacheFilterTests {

    static final CurrentMember MEMBER =
            new CurrentMember(61, "m@example.com", "page-member", "Page Member", "", "MEMBER", true, true, false);

    final AtomicLong nanos = new AtomicLong();
    final PublicPageCache cache = new PublicPageCache(Duration.ofSeconds(10), nanos::get);
    /** What the filter tells the node's other caches (RecentlyActiveCache listens). */
    final List<Object> published = new ArrayList<>();

    final PublicPageCacheFilter filter = new PublicPageCacheFilter(cache, published::add);

    final AtomicInteger renders = new AtomicInteger();
    /** What the app answers: by default a 200 HTML page that says how many renders there were. */
    Consumer<HttpServletResponse> app = response -> page(response, "Directory");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void page(HttpServletResponse response, String text) {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", "en");
        try {
            response.getOutputStream()
                    .write(("<html><body>" + text + " #" + renders.get() + "</body></html>")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    MockHttpServletResponse perform(MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                renders.incrementAndGet();
                app.accept(res);
            }
        };
        filter.doFilter(request, response, new MockFilterChain(servlet));
        return response;
    }

    MockHttpServletResponse get(String path) throws ServletException, IOException {
        return perform(new MockHttpServletRequest("GET", path));
    }

    static void signIn() {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(MEMBER, null, MEMBER.getAuthorities()));
    }

    @Test
    void aVisitorsPageIsRenderedOnceThenServedWithTheSameBytes() throws Exception {
        MockHttpServletResponse first = get("/members");
        assertThat(first.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(first.getContentAsString()).isEqualTo("<html><body>Directory #1</body></html>");

        MockHttpServletResponse second = get("/members");

        assertThat(renders).as("not rendered again").hasValue(1);
        assertThat(second.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("hit");
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getHeader("Content-Language")).isEqualTo("en");
        assertThat(second.getHeader("Content-Encoding")).isNull();
        assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
    }

    @Test
    void aVisitorWhoAcceptsGzipGetsTheKeptPageGzipped() throws Exception {
        byte[] rendered = get("/members").getContentAsByteArray();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/members");
        request.addHeader("Accept-Encoding", "gzip, deflate, br");

        MockHttpServletResponse hit = perform(request);

        assertThat(hit.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("hit");
        assertThat(hit.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(hit.getHeader("Vary")).isEqualTo("Accept-Encoding");
        byte[] body = hit.getContentAsByteArray();
        assertThat(hit.getContentLength()).isEqualTo(body.length);
        assertThat(Gunzip.bytes(body)).isEqualTo(rendered);
    }

    @Test
    void aRequestWithASessionOrRememberMeCookieIsNeverServedFromTheCacheNorFillsIt() throws Exception {
        for (String name : new String[] {"SESSION", "remember-me"}) {
            MockHttpServletRequest withCookie = new MockHttpServletRequest("GET", "/members");
            withCookie.setCookies(new Cookie(name, "abc"));
            perform(withCookie);
        }
        assertThat(renders).hasValue(2);
        assertThat(get("/members").getHeader(PublicPageCacheFilter.HEADER))
                .as("nothing was kept from the cookie requests")
                .isEqualTo("miss");
        assertThat(renders).hasValue(3);

        for (String name : new String[] {"SESSION", "remember-me"}) {
            MockHttpServletRequest withCookie = new MockHttpServletRequest("GET", "/members");
            withCookie.setCookies(new Cookie("theme", "dark"), new Cookie(name, "abc"));
            MockHttpServletResponse response = perform(withCookie);
            assertThat(response.getHeader(PublicPageCacheFilter.HEADER)).isNull();
            assertThat(response.getContentAsString()).as(name).doesNotContain("#3");
        }
        assertThat(renders).as("each rendered afresh though a page is kept").hasValue(5);

        MockHttpServletRequest otherCookie = new MockHttpServletRequest("GET", "/members");
        otherCookie.setCookies(new Cookie("theme", "dark"));
        assertThat(perform(otherCookie).getHeader(PublicPageCacheFilter.HEADER))
                .as("any other cookie is a visitor's")
                .isEqualTo("hit");
    }

    @Test
    void addressesOutsideThePublicPagesAreNeverKept() throws Exception {
        for (String path : new String[] {"/members/x/avatar", "/works/1/media/v1/a.ts", "/settings", "/members/x/y"}) {
            app = response -> page(response, path);
            MockHttpServletResponse first = get(path);
            MockHttpServletResponse second = get(path);
            assertThat(second.getHeader(PublicPageCacheFilter.HEADER)).as(path).isNull();
            assertThat(second.getContentAsString()).as(path).isNotEqualTo(first.getContentAsString());
        }
        assertThat(renders).hasValue(8);
    }

    @Test
    void thePublicPagesAreKept() throws Exception {
        String[] paths = {
            "/",
            "/members",
            "/members/ada.l-b_2",
            "/members/ada/works",
            "/members/ada/credited",
            "/works",
            "/works/12",
            "/jobs",
            "/jobs/7"
        };
        for (String path : paths) {
            get(path);
            assertThat(get(path).getHeader(PublicPageCacheFilter.HEADER))
                    .as(path)
                    .isEqualTo("hit");
        }
        assertThat(renders).hasValue(paths.length);
    }

    @Test
    void eachQueryIsItsOwnPage() throws Exception {
        MockHttpServletRequest second = new MockHttpServletRequest("GET", "/members");
        second.setQueryString("page=2");
        get("/members");

        MockHttpServletResponse response = perform(second);

        assertThat(response.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(response.getContentAsString()).contains("#2");
    }

    @Test
    void aPageWithACsrfTokenIsNotKept() throws Exception {
        app = response -> page(response, "<form><input type=\"hidden\" name=\"_csrf\" value=\"t\"></form>");
        get("/members");
        MockHttpServletResponse second = get("/members");

        assertThat(second.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aPageThatSetsACookieIsNotKept() throws Exception {
        app = response -> {
            response.addCookie(new Cookie("visitor", "42"));
            page(response, "Directory");
        };
        MockHttpServletResponse first = get("/members");
        assertThat(first.getCookie("visitor"))
                .as("the cookie still reaches its visitor")
                .isNotNull();

        MockHttpServletResponse second = get("/members");

        assertThat(second.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aPageThatMadeASessionIsNotKept() throws Exception {
        app = response -> page(response, "Directory");
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/members");
        first.getSession(true);
        perform(first);

        assertThat(get("/members").getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
    }

    @Test
    void aNotFoundIsNotKept() throws Exception {
        app = response -> {
            response.setStatus(404);
            page(response, "No such member");
        };
        MockHttpServletResponse first = get("/members/nobody");
        assertThat(first.getStatus()).isEqualTo(404);

        MockHttpServletResponse second = get("/members/nobody");

        assertThat(second.getStatus()).isEqualTo(404);
        assertThat(second.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(renders).hasValue(2);
    }

    @Test
    void somethingOtherThanHtmlIsNotKept() throws Exception {
        app = response -> {
            response.setContentType("application/json");
            try {
                response.getWriter().write("{}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        get("/members");
        assertThat(get("/members").getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
    }

    @Test
    void aMembersPostDropsEveryKeptPage() throws Exception {
        get("/members");
        get("/members/ada");
        assertThat(get("/members").getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("hit");

        signIn();
        app = response -> response.setStatus(302);
        perform(new MockHttpServletRequest("POST", "/settings/profile"));
        SecurityContextHolder.clearContext();
        app = response -> page(response, "Directory");

        MockHttpServletResponse members = get("/members");
        MockHttpServletResponse ada = get("/members/ada");
        assertThat(members.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(ada.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(members.getContentAsString()).as("rendered afresh").contains("#4");
        assertThat(published).as("the node's other caches are told").containsExactly(new MemberWroteOnThisNode());
    }

    @Test
    void aMembersPostThatEndsSignedOutStillDropsThePages() throws Exception {
        get("/members");
        signIn();
        app = response -> SecurityContextHolder.clearContext(); // log-out, account deleted

        perform(new MockHttpServletRequest("POST", "/logout"));
        app = response -> page(response, "Directory");

        assertThat(get("/members").getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
    }

    @Test
    void aVisitorsPostKeepsThePages() throws Exception {
        get("/members");
        app = response -> response.setStatus(302);
        perform(new MockHttpServletRequest("POST", "/login"));
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        perform(new MockHttpServletRequest("POST", "/signup"));
        app = response -> page(response, "Directory");

        assertThat(get("/members").getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("hit");
        assertThat(published).isEmpty();
    }

    @Test
    void aSignedInMemberIsNeverServedAKeptPageNorFillsTheCache() throws Exception {
        get("/members");
        assertThat(renders).hasValue(1);

        signIn();
        app = response -> page(response, "Directory for Page Member");
        MockHttpServletResponse mine = get("/members");
        MockHttpServletResponse again = get("/members");

        assertThat(mine.getHeader(PublicPageCacheFilter.HEADER)).isNull();
        assertThat(mine.getContentAsString()).isEqualTo("<html><body>Directory for Page Member #2</body></html>");
        assertThat(again.getContentAsString()).contains("#3");

        SecurityContextHolder.clearContext();
        MockHttpServletResponse visitor = get("/members");
        assertThat(visitor.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("hit");
        assertThat(visitor.getContentAsString())
                .as("the visitor still gets the visitor's page")
                .isEqualTo("<html><body>Directory #1</body></html>");
    }

    @Test
    void aSignedInMembersPageIsNotKeptForVisitors() throws Exception {
        signIn();
        app = response -> page(response, "Directory for Page Member");
        get("/members");
        SecurityContextHolder.clearContext();
        app = response -> page(response, "Directory");

        MockHttpServletResponse visitor = get("/members");

        assertThat(visitor.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(visitor.getContentAsString()).doesNotContain("Page Member");
    }

    @Test
    void withTheCacheOffEveryPageIsRendered() throws Exception {
        PublicPageCacheFilter off =
                new PublicPageCacheFilter(new PublicPageCache(Duration.ZERO, nanos::get), published::add);
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            off.doFilter(
                    new MockHttpServletRequest("GET", "/members"), response, new MockFilterChain(new HttpServlet() {
                        @Override
                        protected void service(HttpServletRequest req, HttpServletResponse res) {
                            renders.incrementAndGet();
                            page(res, "Directory");
                        }
                    }));
            assertThat(response.getHeader(PublicPageCacheFilter.HEADER)).isNull();
        }
        assertThat(renders).hasValue(2);
    }

    @Test
    void eachLanguageHasItsOwnPage() throws Exception {
        MockHttpServletRequest german = new MockHttpServletRequest("GET", "/jobs/7");
        german.addPreferredLocale(java.util.Locale.GERMANY);
        MockHttpServletRequest english = new MockHttpServletRequest("GET", "/jobs/7");
        english.addPreferredLocale(java.util.Locale.UK);
        MockHttpServletRequest englishAgain = new MockHttpServletRequest("GET", "/jobs/7");
        englishAgain.addPreferredLocale(java.util.Locale.UK);

        perform(german);
        MockHttpServletResponse inLondon = perform(english);
        MockHttpServletResponse again = perform(englishAgain);

        assertThat(inLondon.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
        assertThat(inLondon.getContentAsString())
                .as("rendered for this language")
                .contains("#2");
        assertThat(again.getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("hit");
        assertThat(again.getContentAsString()).contains("#2");
    }

    @Test
    void gzipIsSentOnlyToClientsThatTakeIt() {
        assertThat(PublicPageCacheFilter.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PublicPageCacheFilter.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
        assertThat(PublicPageCacheFilter.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PublicPageCacheFilter.acceptsGzip("br, gzip; q=0.000")).isFalse();
        assertThat(PublicPageCacheFilter.acceptsGzip("identity")).isFalse();
        assertThat(PublicPageCacheFilter.acceptsGzip("gzipped;q=x")).isFalse();
        assertThat(PublicPageCacheFilter.acceptsGzip(null)).isFalse();
    }

    @Test
    void aPageThatAsksNeverToBeKeptIsRenderedEveryTime() throws Exception {
        app = response -> page(response, "Baseline");
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/members/bench-baseline");
        PublicPageCacheFilter.neverKeep(first);
        perform(first);
        MockHttpServletRequest second = new MockHttpServletRequest("GET", "/members/bench-baseline");
        assertThat(perform(second).getHeader(PublicPageCacheFilter.HEADER)).isEqualTo("miss");
    }
}
