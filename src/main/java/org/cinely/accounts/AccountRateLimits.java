package org.cinely.accounts;

import java.time.Duration;
import org.cinely.platform.security.RateLimiter.Limit;

/** The limits on account actions that attract bots and guessing. */
final class AccountRateLimits {

    static final Limit LOG_IN = new Limit("login", 25, Duration.ofMinutes(5));
    static final Limit SIGN_UP = new Limit("signup", 5, Duration.ofMinutes(30));
    static final Limit PASSWORD_RESET = new Limit("password-reset", 5, Duration.ofMinutes(30));
    static final Limit RESEND_VERIFICATION = new Limit("resend-verification", 3, Duration.ofHours(1));

    private AccountRateLimits() {}
}
