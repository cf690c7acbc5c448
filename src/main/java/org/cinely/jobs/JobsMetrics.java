package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_APPLICATIONS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;
import static org.jooq.impl.DSL.count;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cinely.platform.admin.AdminMetrics;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Jobs on the admin dashboard: open listings, applications per day. */
@Component
class JobsMetrics implements AdminMetrics {

    private final DSLContext dsl;
    private final Clock clock;

    JobsMetrics(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Metric> metrics(LocalDate since, LocalDate today) {
        int open = dsl.fetchCount(
                JOB_LISTINGS, JOB_LISTINGS.STATUS.eq("OPEN").and(JOB_LISTINGS.EXPIRES_AT.gt(Sql.utc(clock.instant()))));
        Field<LocalDate> day = JOB_APPLICATIONS.CREATED_AT.cast(SQLDataType.LOCALDATE);
        Map<LocalDate, Integer> applied = dsl.select(day, count())
                .from(JOB_APPLICATIONS)
                .where(JOB_APPLICATIONS.CREATED_AT.ge(
                        Sql.utc(since.atStartOfDay().toInstant(ZoneOffset.UTC))))
                .groupBy(day)
                .fetchMap(day, count());
        return List.of(
                new Metric("admin.dashboard.jobs.open", Integer.toString(open), null, List.of(), null),
                new Metric(
                        "admin.dashboard.applications",
                        Long.toString(applied.values().stream()
                                .mapToLong(Integer::longValue)
                                .sum()),
                        "admin.dashboard.last-30-days",
                        List.of(),
                        AdminMetrics.series(applied, since, today)));
    }
}
