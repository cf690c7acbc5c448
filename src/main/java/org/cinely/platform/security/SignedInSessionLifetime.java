package org.cinely.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in member's session lasts {@code cinely.member-session-timeout} (30 days) of
 * inactivity; any other session (a visitor's, holding a flash message after a redirect) lives
 * only the short default ({@code spring.session.timeout}), so a visitor leaves no long-lived row.
 * Applied on the first request a member makes in a session, however they signed in (form,
 * remember-me, right after sign-up).
 */
class SignedInSessionLifetime extends OncePerRequestFilter {

    private final int seconds;

    SignedInSessionLifetime(Duration lifetime) {
        this.seconds = (int) lifetime.toSeconds();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getMaxInactiveInterval() != seconds) {
                session.setMaxInactiveInterval(seconds);
            }
        }
        chain.doFilter(request, response);
    }
}
