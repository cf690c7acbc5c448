package org.cinely.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Spring Session's own filter, over the store as the app wraps it, with a store that counts reads. */
class SessionReadOnceTests {

    final CountingStore store = new CountingStore();
    final SessionTouchThrottle.Repository<MapSession> repository = new SessionTouchThrottle.Repository<>(store);
    final SessionRepositoryFilter<SessionTouchThrottle.TouchedRarely<MapSession>> springSession =
            new SessionRepositoryFilter<>(repository);

    @Test
    void aRequestWithASessionReadsItFromTheStoreOnce() throws Exception {
        MapSession stored = store.put(new MapSession());

        MockHttpServletResponse response = request(stored.getId(), true, "member", "maya");

        assertThat(store.reads)
                .as("read when first needed, not again after saving")
                .hasValue(1);
        assertThat(store.sessions.get(stored.getId()).<String>getAttribute("member"))
                .as("what the request changed was saved")
                .isEqualTo("maya");
        assertThat(response.getCookie("SESSION"))
                .as("the browser's cookie still names a valid session: none is sent again")
                .isNull();
    }

    @Test
    void withoutTheFilterSpringSessionReadsItTwice() throws Exception {
        MapSession stored = store.put(new MapSession());

        request(stored.getId(), false, "member", "maya");

        assertThat(store.reads).as("the cost this filter removes").hasValue(2);
    }

    @Test
    void nothingIsKeptOnceTheRequestEnds() throws Exception {
        MapSession stored = store.put(new MapSession());
        request(stored.getId(), true, "member", "maya");
        // Changed elsewhere in between (another node, a log-out on another device).
        store.sessions.get(stored.getId()).setAttribute("member", "someone else");

        assertThat(repository.findById(stored.getId()).<String>getAttribute("member"))
                .as("a read after the request comes from the store")
                .isEqualTo("someone else");
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void aSessionDeletedDuringTheRequestIsNotAnsweredFromMemory() throws Exception {
        MapSession stored = store.put(new MapSession());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        request.setCookies(cookie(stored.getId()));
        MockFilterChain chain =
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {}, springSession, (req, res, next) -> {
                    ((jakarta.servlet.http.HttpServletRequest) req).getSession().setAttribute("member", "maya");
                    ((jakarta.servlet.http.HttpServletRequest) req).getSession().invalidate();
                });

        new SessionReadOnce().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(store.sessions).as("logged out: the session is gone").doesNotContainKey(stored.getId());
    }

    @Test
    void aNewSessionIsStillGivenItsCookie() throws Exception {
        MockHttpServletResponse response = request(null, true, "member", "maya");

        assertThat(store.sessions).hasSize(1);
        assertThat(response.getCookie("SESSION")).isNotNull();
    }

    private MockHttpServletResponse request(String sessionId, boolean throughFilter, String name, String value)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (sessionId != null) {
            request.setCookies(cookie(sessionId));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain =
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {}, springSession, (req, res, next) -> {
                    ((jakarta.servlet.http.HttpServletRequest) req).getSession().setAttribute(name, value);
                    // The page is written and sent before the filters unwind: Spring Session saves
                    // the session once the response is committed, and again as its filter ends.
                    res.getWriter().write("<p>page</p>");
                    res.flushBuffer();
                });
        if (throughFilter) {
            new SessionReadOnce().doFilter(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
        return response;
    }

    private static Cookie cookie(String sessionId) {
        return new Cookie("SESSION", Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Keeps copies, as a database does: a session read is a new object, a change needs a save. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> sessions = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        MapSession put(MapSession session) {
            sessions.put(session.getId(), new MapSession(session));
            return session;
        }

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.remove(session.getOriginalId());
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            MapSession session = sessions.get(id);
            return session == null ? null : new MapSession(session);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
