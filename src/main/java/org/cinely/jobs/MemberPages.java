package org.cinely.jobs;

import org.cinely.platform.security.CurrentMember;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * GET /jobs/** is public (the board and listings), so the member-only pages below it ask for a
 * log-in themselves: the security filter turns this exception into the log-in redirect.
 */
final class MemberPages {

    private MemberPages() {}

    static CurrentMember require(CurrentMember member) {
        if (member == null) {
            throw new AuthenticationCredentialsNotFoundException("log-in needed");
        }
        return member;
    }
}
