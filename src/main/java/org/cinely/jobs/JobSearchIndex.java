package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_SEARCH;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH_CRAFTS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.platform.Craft;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps job_search (the board's search table, V31) and job_search_crafts (its crafts, V32) in step
 * with the listings: a listing that is open and on the board (visible to everyone) has its rows, any other has none. JobPostings calls {@link #sync} in the same transaction as
 * every change to a listing, so the board never disagrees with the listing page. Expiry happens by
 * the clock, not by a write: the board's query checks expires_at, and {@link #removeExpired} drops
 * the rows of expired listings every few minutes so the full-text index stays small.
 */
@Component
class JobSearchIndex {

    private final DSLContext dsl;
    private final java.time.Clock clock;

    JobSearchIndex(DSLContext dsl, java.time.Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Writes or removes the listing's row, as its state is now.
     *
     * <p>What is there is read first (a plain read, no lock) and only rows that exist are deleted
     * or updated, by their keys. A delete of rows that are not there (a new listing's crafts)
     * locks the gap at the end of the index instead; two members posting at the same moment
     * then each waited for the other's gap to insert, and one posting failed with a deadlock (found
     * by the page speed load test's mixed scenario).
     */
    @Transactional
    void sync(JobListing listing) {
        Instant now = clock.instant();
        boolean indexed = dsl.fetchExists(JOB_SEARCH, JOB_SEARCH.JOB_ID.eq(listing.getId()));
        // Only what everyone may see is on the board: a hidden or held listing, or a suspended or
        // limited poster's, has no row, however often it is edited, closed or reopened.
        if (listing.state(now) != ListingState.OPEN || !listing.onBoard()) {
            if (indexed) {
                dsl.deleteFrom(JOB_SEARCH)
                        .where(JOB_SEARCH.JOB_ID.eq(listing.getId()))
                        .execute();
            }
            return;
        }
        LocalDateTime expiresAt = Sql.utc(listing.getExpiresAt());
        LocalDateTime closesAt = closesAt(expiresAt, listing.getApplicationDeadline());
        var row = dsl.newRecord(JOB_SEARCH);
        row.setJobId(listing.getId());
        row.setTitle(listing.getTitle());
        row.setProductionTitle(listing.getProductionTitle());
        row.setDescription(listing.getDescription());
        row.setCraftMask(Craft.mask(listing.getCrafts()));
        row.setLocationCity(listing.getLocationCity());
        row.setLocationCountry(listing.getLocationCountry());
        row.setRemote(listing.isRemote());
        row.setPaid(listing.getCompensation() == Compensation.PAID);
        row.setUnionStatus(listing.getUnionStatus().name());
        row.setStartDate(listing.getStartDate());
        row.setCreatedAt(Sql.utc(listing.getCreatedAt()));
        row.setExpiresAt(expiresAt);
        row.setClosesAt(closesAt);
        if (indexed) {
            dsl.update(JOB_SEARCH)
                    .set(row)
                    .where(JOB_SEARCH.JOB_ID.eq(listing.getId()))
                    .execute();
        } else {
            // Another node may have indexed it since the read: the upsert then updates.
            dsl.insertInto(JOB_SEARCH).set(row).onDuplicateKeyUpdate().set(row).execute();
        }
        // Its crafts, as they are now (an edit may have changed them): only the differences.
        Set<String> wanted = new LinkedHashSet<>();
        listing.getCrafts().forEach(craft -> wanted.add(craft.slug()));
        Set<String> stored = indexed
                ? new HashSet<>(dsl.fetchValues(dsl.select(JOB_SEARCH_CRAFTS.CRAFT)
                        .from(JOB_SEARCH_CRAFTS)
                        .where(JOB_SEARCH_CRAFTS.JOB_ID.eq(listing.getId()))))
                : Set.of();
        for (String gone : stored) {
            if (!wanted.contains(gone)) {
                dsl.deleteFrom(JOB_SEARCH_CRAFTS)
                        .where(JOB_SEARCH_CRAFTS.CRAFT.eq(gone))
                        .and(JOB_SEARCH_CRAFTS.JOB_ID.eq(listing.getId()))
                        .execute();
            }
        }
        var added = dsl.insertInto(JOB_SEARCH_CRAFTS, JOB_SEARCH_CRAFTS.CRAFT, JOB_SEARCH_CRAFTS.JOB_ID);
        boolean any = false;
        for (String craft : wanted) {
            if (!stored.contains(craft)) {
                added = added.values(craft, listing.getId());
                any = true;
            }
        }
        if (any) {
            added.onDuplicateKeyIgnore().execute();
        }
    }

    /**
     * Drops the rows of listings that have expired since, their crafts with them (cascade); every
     * node may run it: it is idempotent.
     */
    @Scheduled(fixedDelayString = "${cinely.jobs.search-cleanup-interval:PT5M}", initialDelay = 60_000)
    @Transactional
    public void removeExpired() {
        dsl.deleteFrom(JOB_SEARCH)
                .where(JOB_SEARCH.EXPIRES_AT.le(Sql.utc(clock.instant())))
                .execute();
    }

    /** When applications close: the end of the deadline's day or the expiry, whichever is first. */
    static LocalDateTime closesAt(LocalDateTime expiresAt, java.time.LocalDate deadline) {
        if (deadline == null) {
            return expiresAt;
        }
        LocalDateTime endOfDeadline = deadline.atTime(23, 59, 59);
        return endOfDeadline.isBefore(expiresAt) ? endOfDeadline : expiresAt;
    }
}
