package org.cinely.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session reads a member's session twice a request. It saves the session when the response
 * is committed (the page is sent) and again when its filter ends; by the second save it has
 * forgotten which session the browser asked for, and reads it again from the store only to learn
 * that ({@code SessionRepositoryFilter.commitSession}): a transaction of four statements for a row
 * the request has just written. While a request passes through this filter (which runs just
 * outside Spring Session's), a session saved on its thread is kept, and a read of that id on the
 * same thread is answered with it. Nothing is kept once the request ends, so no other request
 * ever sees it; a session deleted meanwhile is forgotten at once.
 */
final class SessionReadOnce extends OncePerRequestFilter {

    private static final ThreadLocal<Map<String, Session>> SAVED_BY_THIS_REQUEST = new ThreadLocal<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SAVED_BY_THIS_REQUEST.set(new HashMap<>(2));
        try {
            chain.doFilter(request, response);
        } finally {
            SAVED_BY_THIS_REQUEST.remove();
        }
    }

    /** The store saved this session; a request under way keeps it for a read that follows. */
    static void saved(Session session) {
        Map<String, Session> saved = SAVED_BY_THIS_REQUEST.get();
        if (saved != null) {
            saved.put(session.getId(), session);
        }
    }

    /** The session this request saved under the id, or null (read it from the store). */
    @SuppressWarnings("unchecked")
    static <S extends Session> S savedByThisRequest(String id) {
        Map<String, Session> saved = SAVED_BY_THIS_REQUEST.get();
        return saved == null ? null : (S) saved.get(id);
    }

    static void deleted(String id) {
        Map<String, Session> saved = SAVED_BY_THIS_REQUEST.get();
        if (saved != null) {
            saved.remove(id);
        }
    }
}
