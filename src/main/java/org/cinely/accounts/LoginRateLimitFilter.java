package org.cinely.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cinely.platform.security.RateLimitExceededException;
import org.cinely.platform.security.RateLimiter;
import org.cinely.platform.web.RateLimitHandling;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits log-in tries (see {@link AccountRateLimits}): per address, per account and address, and
 * per account across addresses, but that last one only for browsers the account has not logged
 * in from ({@link TrustedDevices}); a known browser has its own limit, so guessing from
 * elsewhere never locks the owner out. An untrusted browser held back is told how to get in now
 * (a password reset link by e-mail).
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

    /** The longest address an account can have; anything longer is counted as one key. */
    private static final int MAX_EMAIL = 254;

    private final RateLimiter rateLimiter;
    private final TrustedDevices devices;

    LoginRateLimitFilter(RateLimiter rateLimiter, TrustedDevices devices) {
        this.rateLimiter = rateLimiter;
        this.devices = devices;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String typed = request.getParameter("email");
        String email = typed == null || typed.length() > MAX_EMAIL ? "" : Account.normalizeEmail(typed);
        String ip = request.getRemoteAddr();
        try {
            rateLimiter.acquire(AccountRateLimits.LOG_IN_FROM_IP, "ip:" + ip);
            rateLimiter.acquire(AccountRateLimits.LOG_IN_ACCOUNT_FROM_IP, "account:" + email + "|ip:" + ip);
            Optional<String> device = devices.trusted(request, email);
            if (device.isPresent()) {
                rateLimiter.acquire(AccountRateLimits.LOG_IN_TRUSTED_DEVICE, "device:" + device.get());
            } else {
                rateLimiter.acquire(AccountRateLimits.LOG_IN_ACCOUNT, "account:" + email);
            }
        } catch (RateLimitExceededException e) {
            RateLimitHandling.respond(e, request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
