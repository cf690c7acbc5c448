package org.cinely.moderation;

import static org.cinely.moderation.jooq.Tables.MODERATION_REPORTS;
import static org.jooq.impl.DSL.count;

import java.time.Duration;
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

/** Reports on the admin dashboard: opened and resolved per day, the median time to resolve, cases open now. */
@Component
class ModerationMetrics implements AdminMetrics {

    private final DSLContext dsl;
    private final CaseQueue queue;

    ModerationMetrics(DSLContext dsl, CaseQueue queue) {
        this.dsl = dsl;
        this.queue = queue;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Metric> metrics(LocalDate since, LocalDate today) {
        var from = Sql.utc(since.atStartOfDay().toInstant(ZoneOffset.UTC));
        Field<LocalDate> openedDay = MODERATION_REPORTS.CREATED_AT.cast(SQLDataType.LOCALDATE);
        Map<LocalDate, Integer> opened = dsl.select(openedDay, count())
                .from(MODERATION_REPORTS)
                .where(MODERATION_REPORTS.CREATED_AT.ge(from))
                .groupBy(openedDay)
                .fetchMap(openedDay, count());
        var resolved = dsl.select(MODERATION_REPORTS.CREATED_AT, MODERATION_REPORTS.RESOLVED_AT)
                .from(MODERATION_REPORTS)
                .where(MODERATION_REPORTS.RESOLVED_AT.ge(from))
                .fetch();
        Map<LocalDate, Long> resolvedByDay = resolved.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        r -> r.value2().toLocalDate(), java.util.stream.Collectors.counting()));
        List<Duration> times = resolved.stream()
                .map(r -> Duration.between(r.value1(), r.value2()))
                .sorted()
                .toList();
        String median = times.isEmpty() ? "—" : hours(times.get(times.size() / 2));
        return List.of(
                new Metric("admin.dashboard.cases", Integer.toString(queue.openCount()), null, List.of(), null),
                new Metric(
                        "admin.dashboard.reports.opened",
                        Long.toString(opened.values().stream()
                                .mapToLong(Integer::longValue)
                                .sum()),
                        "admin.dashboard.last-30-days",
                        List.of(),
                        AdminMetrics.series(opened, since, today)),
                new Metric(
                        "admin.dashboard.reports.resolved",
                        Integer.toString(resolved.size()),
                        "admin.dashboard.reports.median",
                        List.of(median),
                        AdminMetrics.series(resolvedByDay, since, today)));
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 120 ? minutes + " min" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
