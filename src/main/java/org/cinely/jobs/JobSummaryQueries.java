package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The few fields of listings that a summary and the visibility rule need, as rows. jOOQ, not the
 * repository: the feed shows up to a page of postings on every visit to a member's home, and
 * loading each as a whole {@link JobListing} (description, pay, dates, crafts) was a tenth of that
 * page's CPU (issue 15).
 */
@Repository
class JobSummaryQueries {

    /** What {@link JobsApi#visibleSummaries} reads of a listing. */
    record Row(
            long id,
            String title,
            String company,
            MemberId poster,
            String status,
            Instant expiresAt,
            ModerationState moderationState,
            Standing posterStanding) {}

    private final DSLContext dsl;

    JobSummaryQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Row> rows(Collection<Long> ids) {
        return dsl.select(
                        JOB_LISTINGS.ID,
                        JOB_LISTINGS.TITLE,
                        JOB_LISTINGS.COMPANY,
                        JOB_LISTINGS.POSTER_ID,
                        JOB_LISTINGS.STATUS,
                        JOB_LISTINGS.EXPIRES_AT,
                        JOB_LISTINGS.MODERATION_STATE,
                        JOB_LISTINGS.POSTER_STANDING)
                .from(JOB_LISTINGS)
                .where(JOB_LISTINGS.ID.in(ids))
                .fetch(r -> new Row(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        MemberId.of(r.value4()),
                        r.value5(),
                        r.value6().toInstant(ZoneOffset.UTC),
                        ModerationState.valueOf(r.value7()),
                        Standing.valueOf(r.value8())));
    }
}
