package org.cinely.accounts;

import java.time.Duration;
import org.cinely.platform.security.RateLimiter.Limit;

/** The limits on account actions that attract bots and guessing. */
final class AccountRateLimits {

    /** From one address, whatever the account (a shared office or school network stays usable). */
    static final Limit LOG_IN_FROM_IP = new Limit("login-ip", 50, Duration.ofMinutes(5));
    /** Against one account from one address. */
    static final Limit LOG_IN_ACCOUNT_FROM_IP = new Limit("login-account-ip", 10, Duration.ofMinutes(5));
    /** Against one account from every browser it does not know: guessing from many addresses. */
    static final Limit LOG_IN_ACCOUNT = new Limit("login-account", 25, Duration.ofMinutes(15));
    /** From a browser the account has logged in from before (not held back by the limit above). */
    static final Limit LOG_IN_TRUSTED_DEVICE = new Limit("login-device", 10, Duration.ofMinutes(5));

    static final Limit SIGN_UP = new Limit("signup", 5, Duration.ofMinutes(30));
    static final Limit PASSWORD_RESET = new Limit("password-reset", 5, Duration.ofMinutes(30));
    static final Limit RESEND_VERIFICATION = new Limit("resend-verification", 3, Duration.ofHours(1));

    private AccountRateLimits() {}
}
