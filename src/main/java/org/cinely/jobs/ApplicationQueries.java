package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_APPLICATIONS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cinely.jobs.JobTypes.ApplicationStatus;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.platform.Craft;
import org.cinely.platform.web.PageSlice;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The poster's applicant list and a member's own applications. In jOOQ because both are filtered,
 * sorted projections (with a count per status for the tabs) where loading entities would only be
 * copied into rows; the applicant list filters on the crafts copied onto each application.
 */
@Repository
class ApplicationQueries {

    record ApplicantRow(
            long id,
            String handle,
            String name,
            String headline,
            List<Craft> crafts,
            ApplicationStatus status,
            int workCount,
            boolean hasNote,
            Instant appliedAt) {

        public java.time.LocalDate appliedOn() {
            return appliedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }

        public String initial() {
            return name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1));
        }
    }

    record MyApplicationRow(
            long id,
            long jobId,
            String jobTitle,
            String company,
            ApplicationStatus status,
            ListingState jobState,
            Instant appliedAt,
            Instant updatedAt) {

        public java.time.LocalDate appliedOn() {
            return appliedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }
    }

    enum ApplicantSort {
        NEWEST,
        OLDEST,
        NAME,
        STATUS;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String messageKey() {
            return "applicants.sort." + slug();
        }

        static ApplicantSort fromSlug(String slug) {
            return Arrays.stream(values())
                    .filter(s -> s.slug().equals(slug))
                    .findFirst()
                    .orElse(NEWEST);
        }
    }

    private final DSLContext dsl;

    ApplicationQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Applicants of one listing (the caller has checked it is the poster's), withdrawn left out. */
    @Transactional(readOnly = true)
    PageSlice<ApplicantRow> applicants(
            long jobId,
            ApplicationStatus status,
            Craft craft,
            boolean withReel,
            ApplicantSort sort,
            int page,
            int size) {
        Condition condition =
                JOB_APPLICATIONS.JOB_ID.eq(jobId).and(JOB_APPLICATIONS.STATUS.ne(ApplicationStatus.WITHDRAWN.name()));
        if (status != null) {
            condition = condition.and(JOB_APPLICATIONS.STATUS.eq(status.name()));
        }
        if (craft != null) {
            condition = condition.and(DSL.condition(
                    "FIND_IN_SET({0}, {1}) > 0", DSL.val(craft.slug()), JOB_APPLICATIONS.APPLICANT_CRAFTS));
        }
        if (withReel) {
            condition = condition.and(JOB_APPLICATIONS.WORK_COUNT.gt(0));
        }
        SortField<?> order = switch (sort) {
            case NEWEST -> JOB_APPLICATIONS.CREATED_AT.desc();
            case OLDEST -> JOB_APPLICATIONS.CREATED_AT.asc();
            case NAME -> JOB_APPLICATIONS.APPLICANT_NAME.asc();
            case STATUS ->
                DSL.field(
                                "FIELD({0}, 'HIRED', 'SHORTLISTED', 'NEW', 'REJECTED')",
                                Integer.class, JOB_APPLICATIONS.STATUS)
                        .asc();
        };
        return PageSlice.of(
                dsl.select(
                                JOB_APPLICATIONS.ID,
                                JOB_APPLICATIONS.APPLICANT_HANDLE,
                                JOB_APPLICATIONS.APPLICANT_NAME,
                                JOB_APPLICATIONS.APPLICANT_HEADLINE,
                                JOB_APPLICATIONS.APPLICANT_CRAFTS,
                                JOB_APPLICATIONS.STATUS,
                                JOB_APPLICATIONS.WORK_COUNT,
                                JOB_APPLICATIONS.POSTER_NOTE,
                                JOB_APPLICATIONS.CREATED_AT)
                        .from(JOB_APPLICATIONS)
                        .where(condition)
                        .orderBy(order, JOB_APPLICATIONS.ID.desc())
                        .limit(size + 1)
                        .offset(PageSlice.offset(page, size))
                        .fetch(r -> new ApplicantRow(
                                r.value1(),
                                r.value2(),
                                r.value3(),
                                r.value4(),
                                crafts(r.value5()),
                                ApplicationStatus.valueOf(r.value6()),
                                r.value7(),
                                r.value8() != null,
                                r.value9().toInstant(ZoneOffset.UTC))),
                page,
                size);
    }

    /** How many applicants each status has (withdrawn left out), for the tabs. */
    @Transactional(readOnly = true)
    Map<ApplicationStatus, Integer> countsByStatus(long jobId) {
        Map<ApplicationStatus, Integer> counts = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus status : ApplicationStatus.values()) {
            if (status.decidable()) {
                counts.put(status, 0);
            }
        }
        dsl.select(JOB_APPLICATIONS.STATUS, DSL.count())
                .from(JOB_APPLICATIONS)
                .where(JOB_APPLICATIONS.JOB_ID.eq(jobId))
                .and(JOB_APPLICATIONS.STATUS.ne(ApplicationStatus.WITHDRAWN.name()))
                .groupBy(JOB_APPLICATIONS.STATUS)
                .forEach(r -> counts.put(ApplicationStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** How many active applications each listing has, for the poster's own list. */
    @Transactional(readOnly = true)
    Map<Long, Integer> applicantCounts(List<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(JOB_APPLICATIONS.JOB_ID, DSL.count())
                .from(JOB_APPLICATIONS)
                .where(JOB_APPLICATIONS.JOB_ID.in(jobIds))
                .and(JOB_APPLICATIONS.STATUS.ne(ApplicationStatus.WITHDRAWN.name()))
                .groupBy(JOB_APPLICATIONS.JOB_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    /** A member's own applications, newest first, with the listing's title and state. */
    @Transactional(readOnly = true)
    PageSlice<MyApplicationRow> applicationsBy(long applicantId, Instant now, int page, int size) {
        return PageSlice.of(
                dsl.select(
                                JOB_APPLICATIONS.ID,
                                JOB_APPLICATIONS.JOB_ID,
                                JOB_LISTINGS.TITLE,
                                JOB_LISTINGS.COMPANY,
                                JOB_APPLICATIONS.STATUS,
                                JOB_LISTINGS.STATUS,
                                JOB_LISTINGS.EXPIRES_AT,
                                JOB_APPLICATIONS.CREATED_AT,
                                JOB_APPLICATIONS.UPDATED_AT)
                        .from(JOB_APPLICATIONS)
                        .join(JOB_LISTINGS)
                        .on(JOB_LISTINGS.ID.eq(JOB_APPLICATIONS.JOB_ID))
                        .where(JOB_APPLICATIONS.APPLICANT_ID.eq(applicantId))
                        .orderBy(JOB_APPLICATIONS.CREATED_AT.desc(), JOB_APPLICATIONS.ID.desc())
                        .limit(size + 1)
                        .offset(PageSlice.offset(page, size))
                        .fetch(r -> {
                            Instant expiresAt = r.value7().toInstant(ZoneOffset.UTC);
                            ListingState state = "CLOSED".equals(r.value6())
                                    ? ListingState.CLOSED
                                    : now.isBefore(expiresAt) ? ListingState.OPEN : ListingState.EXPIRED;
                            return new MyApplicationRow(
                                    r.value1(),
                                    r.value2(),
                                    r.value3(),
                                    r.value4(),
                                    ApplicationStatus.valueOf(r.value5()),
                                    state,
                                    r.value8().toInstant(ZoneOffset.UTC),
                                    r.value9().toInstant(ZoneOffset.UTC));
                        }),
                page,
                size);
    }

    private static List<Craft> crafts(String slugs) {
        if (slugs == null || slugs.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(slugs.split(","))
                .map(Craft::fromSlug)
                .flatMap(java.util.Optional::stream)
                .toList();
    }
}
