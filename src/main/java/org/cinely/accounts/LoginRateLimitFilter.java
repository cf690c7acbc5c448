package org.cinely.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cinely.platform.security.RateLimitExceededException;
import org.cinely.platform.security.RateLimiter;
import org.cinely.platform.web.RateLimitHandling;
import org.springframework.web.filter.OncePerRequestFilter;

/** At most 25 log-in tries per 5 minutes from one IP address, and against one account. */
class LoginRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter rateLimiter;

    LoginRateLimitFilter(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = Account.normalizeEmail(request.getParameter("email"));
        try {
            rateLimiter.acquire(
                    AccountRateLimits.LOG_IN,
                    "ip:" + request.getRemoteAddr(),
                    "account:" + (email == null ? "" : email));
        } catch (RateLimitExceededException e) {
            RateLimitHandling.respond(e, request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
