package org.cinely.accounts;

import org.cinely.platform.admin.AdminMetrics;
import org.cinely.platform.security.CurrentMember;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * What benchmarks need of the accounts module: its dashboard figures on a given database (admin
 * dashboard benchmark) and a member as a signed-in session knows them (page speed load test).
 */
public final class AccountsBenchmarkAccess {

    private AccountsBenchmarkAccess() {}

    public static AdminMetrics metrics(DSLContext dsl) {
        return new AccountsMetrics(dsl);
    }

    /** The member with this handle as their signed-in sessions hold them (no credentials). */
    public static CurrentMember signedIn(ApplicationContext context, String handle) {
        CurrentMember member = context.getBean(AccountRepository.class)
                .findByHandle(handle)
                .orElseThrow(() -> new IllegalStateException("no member " + handle))
                .toCurrentMember();
        member.eraseCredentials();
        return member;
    }
}
