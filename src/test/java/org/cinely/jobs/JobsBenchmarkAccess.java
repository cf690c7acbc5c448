package org.cinely.jobs;

import java.time.Clock;
import org.cinely.platform.admin.AdminMetrics;
import org.jooq.DSLContext;

/** The jobs module's dashboard figures on a given database, for the admin dashboard benchmark. */
public final class JobsBenchmarkAccess {

    private JobsBenchmarkAccess() {}

    public static AdminMetrics metrics(DSLContext dsl, Clock clock) {
        return new JobsMetrics(dsl, clock);
    }
}
