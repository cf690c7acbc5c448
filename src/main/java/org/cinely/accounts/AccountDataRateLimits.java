package org.cinely.accounts;

import java.time.Duration;
import org.cinely.platform.security.RateLimiter.Limit;

/** The limits on "your data is yours": each is counted per member. */
final class AccountDataRateLimits {

    /** Each try mails a stranger's inbox (the new address): a few an hour. */
    static final Limit EMAIL_CHANGE = new Limit("email-change", 5, Duration.ofHours(1));
    /** A download reads every one of the member's videos from the store. */
    static final Limit DATA_EXPORT = new Limit("data-export", 3, Duration.ofHours(1));
    /** Deleting asks for the password: no guessing it through this form. */
    static final Limit DELETE_ACCOUNT = new Limit("delete-account", 5, Duration.ofMinutes(15));

    private AccountDataRateLimits() {}
}
