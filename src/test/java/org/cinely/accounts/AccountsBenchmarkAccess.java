package org.cinely.accounts;

import org.cinely.platform.admin.AdminMetrics;
import org.jooq.DSLContext;

/** The accounts module's dashboard figures on a given database, for the admin dashboard benchmark. */
public final class AccountsBenchmarkAccess {

    private AccountsBenchmarkAccess() {}

    public static AdminMetrics metrics(DSLContext dsl) {
        return new AccountsMetrics(dsl);
    }
}
