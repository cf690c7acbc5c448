package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_APPLICATIONS;
import static org.cinely.jobs.jooq.Tables.JOB_APPLICATION_WORKS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTING_CRAFTS;
import static org.cinely.jobs.jooq.Tables.JOB_SAVED_SEARCHES;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs' part of a member's data: the applications they made (never the poster's private note on
 * them), the listings they posted (with how many applied, not who: that is the applicants' data)
 * and their saved searches.
 *
 * <p>Erasure removes: their applications to other members' listings (a poster has no use for an
 * applicant who is gone), their listings with everything hanging off them (the applications
 * others made to them, the search index, saved-search matches: by cascade), their saved searches.
 */
@Component
class JobsMemberData implements MemberData {

    private final DSLContext dsl;

    JobsMemberData(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(MemberId member, MemberDataArchive archive) throws IOException {
        List<LinkedHashMap<String, Object>> applications = dsl.select(
                        JOB_APPLICATIONS.ID,
                        JOB_APPLICATIONS.JOB_ID,
                        JOB_LISTINGS.TITLE.as("job_title"),
                        JOB_LISTINGS.COMPANY.as("job_company"),
                        JOB_APPLICATIONS.APPLICANT_HANDLE,
                        JOB_APPLICATIONS.APPLICANT_NAME,
                        JOB_APPLICATIONS.APPLICANT_HEADLINE,
                        JOB_APPLICATIONS.APPLICANT_CRAFTS,
                        JOB_APPLICATIONS.COVER_NOTE,
                        JOB_APPLICATIONS.STATUS,
                        JOB_APPLICATIONS.CREATED_AT,
                        JOB_APPLICATIONS.UPDATED_AT,
                        JOB_APPLICATIONS.DECIDED_AT)
                .from(JOB_APPLICATIONS)
                .join(JOB_LISTINGS)
                .on(JOB_LISTINGS.ID.eq(JOB_APPLICATIONS.JOB_ID))
                .where(JOB_APPLICATIONS.APPLICANT_ID.eq(member.value()))
                .orderBy(JOB_APPLICATIONS.ID)
                .fetch()
                .map(r -> new LinkedHashMap<>(r.intoMap()));
        // The works attached to each, in their order (one query; no multiset: the MySQL dialect
        // renders it with session variables the driver refuses in one statement).
        Map<Long, List<Long>> attached = dsl.select(JOB_APPLICATION_WORKS.APPLICATION_ID, JOB_APPLICATION_WORKS.WORK_ID)
                .from(JOB_APPLICATION_WORKS)
                .join(JOB_APPLICATIONS)
                .on(JOB_APPLICATIONS.ID.eq(JOB_APPLICATION_WORKS.APPLICATION_ID))
                .where(JOB_APPLICATIONS.APPLICANT_ID.eq(member.value()))
                .orderBy(JOB_APPLICATION_WORKS.APPLICATION_ID, JOB_APPLICATION_WORKS.POSITION)
                .fetchGroups(JOB_APPLICATION_WORKS.APPLICATION_ID, JOB_APPLICATION_WORKS.WORK_ID);
        for (Map<String, Object> application : applications) {
            application.put(
                    "work_ids",
                    attached.getOrDefault((Long) application.get(JOB_APPLICATIONS.ID.getName()), List.of()));
        }
        archive.json("jobs/applications.json", applications);
        List<LinkedHashMap<String, Object>> listings = dsl.select(
                        JOB_LISTINGS.ID,
                        JOB_LISTINGS.TITLE,
                        JOB_LISTINGS.PRODUCTION_TITLE,
                        JOB_LISTINGS.PRODUCTION_TYPE,
                        JOB_LISTINGS.COMPANY,
                        JOB_LISTINGS.LOCATION_CITY,
                        JOB_LISTINGS.LOCATION_COUNTRY,
                        JOB_LISTINGS.REMOTE,
                        JOB_LISTINGS.START_DATE,
                        JOB_LISTINGS.END_DATE,
                        JOB_LISTINGS.COMPENSATION,
                        JOB_LISTINGS.PAY_AMOUNT,
                        JOB_LISTINGS.PAY_UNIT,
                        JOB_LISTINGS.PAY_CURRENCY,
                        JOB_LISTINGS.UNION_STATUS,
                        JOB_LISTINGS.DESCRIPTION,
                        JOB_LISTINGS.APPLICATION_DEADLINE,
                        JOB_LISTINGS.STATUS,
                        JOB_LISTINGS.CREATED_AT,
                        JOB_LISTINGS.UPDATED_AT,
                        JOB_LISTINGS.EXPIRES_AT,
                        JOB_LISTINGS.CLOSED_AT,
                        DSL.field(DSL.selectCount()
                                        .from(JOB_APPLICATIONS)
                                        .where(JOB_APPLICATIONS.JOB_ID.eq(JOB_LISTINGS.ID)))
                                .as("application_count"))
                .from(JOB_LISTINGS)
                .where(JOB_LISTINGS.POSTER_ID.eq(member.value()))
                .orderBy(JOB_LISTINGS.ID)
                .fetch()
                .map(r -> new LinkedHashMap<>(r.intoMap()));
        Map<Long, List<String>> crafts = dsl.select(JOB_LISTING_CRAFTS.JOB_ID, JOB_LISTING_CRAFTS.CRAFT)
                .from(JOB_LISTING_CRAFTS)
                .join(JOB_LISTINGS)
                .on(JOB_LISTINGS.ID.eq(JOB_LISTING_CRAFTS.JOB_ID))
                .where(JOB_LISTINGS.POSTER_ID.eq(member.value()))
                .fetchGroups(JOB_LISTING_CRAFTS.JOB_ID, JOB_LISTING_CRAFTS.CRAFT);
        for (Map<String, Object> listing : listings) {
            listing.put("crafts", crafts.getOrDefault((Long) listing.get(JOB_LISTINGS.ID.getName()), List.of()));
        }
        archive.json("jobs/listings.json", listings);
        archive.json(
                "jobs/saved-searches.json",
                dsl.select(
                                JOB_SAVED_SEARCHES.NAME,
                                JOB_SAVED_SEARCHES.QUERY,
                                JOB_SAVED_SEARCHES.EMAIL_ALERTS,
                                JOB_SAVED_SEARCHES.CREATED_AT)
                        .from(JOB_SAVED_SEARCHES)
                        .where(JOB_SAVED_SEARCHES.MEMBER_ID.eq(member.value()))
                        .orderBy(JOB_SAVED_SEARCHES.ID)
                        .fetchMaps());
    }

    @Override
    @Transactional
    public void erase(MemberId member) {
        // the attached works' rows go with each application (ON DELETE CASCADE)
        dsl.deleteFrom(JOB_APPLICATIONS)
                .where(JOB_APPLICATIONS.APPLICANT_ID.eq(member.value()))
                .execute();
        // crafts, search rows, matches and others' applications go with each listing (cascade)
        dsl.deleteFrom(JOB_LISTINGS)
                .where(JOB_LISTINGS.POSTER_ID.eq(member.value()))
                .execute();
        dsl.deleteFrom(JOB_SAVED_SEARCHES)
                .where(JOB_SAVED_SEARCHES.MEMBER_ID.eq(member.value()))
                .execute();
    }
}
