package org.cinely.media;

import static org.cinely.media.jooq.Tables.MEDIA_ASSETS;
import static org.cinely.media.jooq.Tables.TRANSCODE_JOBS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

/** Video on the admin dashboard: uploads per day, ready and failed, the transcode queue and its wait, storage used. */
@Component
class MediaMetrics implements AdminMetrics {

    private final DSLContext dsl;
    private final Clock clock;

    MediaMetrics(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Metric> metrics(LocalDate since, LocalDate today) {
        Field<LocalDate> day = MEDIA_ASSETS.CREATED_AT.cast(SQLDataType.LOCALDATE);
        Map<LocalDate, Integer> uploaded = dsl.select(day, count())
                .from(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.CREATED_AT.ge(Sql.utc(since.atStartOfDay().toInstant(ZoneOffset.UTC))))
                .groupBy(day)
                .fetchMap(day, count());
        Map<String, Integer> byState = dsl.select(MEDIA_ASSETS.STATE, count())
                .from(MEDIA_ASSETS)
                .groupBy(MEDIA_ASSETS.STATE)
                .fetchMap(MEDIA_ASSETS.STATE, count());
        var queue = dsl.select(count(), min(TRANSCODE_JOBS.CREATED_AT))
                .from(TRANSCODE_JOBS)
                .where(TRANSCODE_JOBS.STATE.eq(TranscodeJobs.QUEUED))
                .fetchSingle();
        LocalDateTime oldest = queue.value2();
        long waitMinutes = oldest == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(oldest.toInstant(ZoneOffset.UTC), clock.instant())
                                .toMinutes());
        var stored = dsl.select(sum(MEDIA_ASSETS.STORED_BYTES))
                .from(MEDIA_ASSETS)
                .fetchSingle()
                .value1();
        long bytes = stored == null ? 0 : stored.longValue();
        return List.of(
                new Metric(
                        "admin.dashboard.uploads",
                        Long.toString(uploaded.values().stream()
                                .mapToLong(Integer::longValue)
                                .sum()),
                        "admin.dashboard.uploads.states",
                        List.of(
                                byState.getOrDefault(MediaState.READY.name(), 0),
                                byState.getOrDefault(MediaState.FAILED.name(), 0)),
                        AdminMetrics.series(uploaded, since, today)),
                new Metric(
                        "admin.dashboard.queue",
                        Integer.toString(queue.value1()),
                        "admin.dashboard.queue.wait",
                        List.of(waitMinutes),
                        null),
                new Metric(
                        "admin.dashboard.storage",
                        String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9),
                        null,
                        List.of(),
                        null));
    }
}
