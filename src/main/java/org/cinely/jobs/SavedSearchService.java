package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;
import static org.cinely.jobs.jooq.Tables.JOB_SAVED_SEARCHES;
import static org.cinely.jobs.jooq.Tables.JOB_SAVED_SEARCH_MATCHES;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved searches and their alerts. When a listing is posted, every saved search is checked
 * against it with the board's own query (so "matches" means exactly what the board would show);
 * a match is stored for the member's saved-searches page, published as {@link SavedSearchMatched}
 * and, if the member asked for it, mailed.
 *
 * <p>Notifications belong to the feed module: once it delivers {@link SavedSearchMatched} in the
 * app and by mail, the mail here and the matches list should move there.
 */
@Service
class SavedSearchService {

    static final int MAX_PER_MEMBER = 20;

    record MatchRow(
            long id, String searchName, long jobId, String jobTitle, String company, Instant matchedAt, boolean seen) {

        public java.time.LocalDate matchedOn() {
            return matchedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }
    }

    record SavedSearchRow(long id, String name, String query, boolean emailAlerts, int unseen) {}

    private final SavedSearchRepository searches;
    private final JobSearchQueries queries;
    private final DSLContext dsl;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.cinely.platform.web.HeaderCountCache headerCounts;

    SavedSearchService(
            SavedSearchRepository searches,
            JobSearchQueries queries,
            DSLContext dsl,
            ApplicationEventPublisher events,
            Clock clock,
            org.cinely.platform.web.HeaderCountCache headerCounts) {
        this.headerCounts = headerCounts;
        this.searches = searches;
        this.queries = queries;
        this.dsl = dsl;
        this.events = events;
        this.clock = clock;
    }

    /** Saves a search; false when the member already keeps the maximum. */
    @Transactional
    boolean save(MemberId member, String name, JobSearch search, boolean emailAlerts) {
        if (searches.countByMemberId(member.value()) >= MAX_PER_MEMBER) {
            return false;
        }
        searches.save(new SavedSearch(member, name.strip(), search.toQueryString(false), emailAlerts, clock.instant()));
        return true;
    }

    @Transactional
    void delete(long id, MemberId member) {
        headerCounts.forget(SavedSearchBadge.ATTRIBUTE, member);
        searches.delete(owned(id, member));
    }

    @Transactional
    void setEmailAlerts(long id, MemberId member, boolean on) {
        owned(id, member).setEmailAlerts(on);
    }

    private SavedSearch owned(long id, MemberId member) {
        return searches.findByIdAndMemberId(id, member.value())
                .orElseThrow(() -> new NotFoundException("saved search " + id));
    }

    @Transactional(readOnly = true)
    List<SavedSearchRow> searchesOf(MemberId member) {
        return dsl.select(
                        JOB_SAVED_SEARCHES.ID,
                        JOB_SAVED_SEARCHES.NAME,
                        JOB_SAVED_SEARCHES.QUERY,
                        JOB_SAVED_SEARCHES.EMAIL_ALERTS,
                        org.jooq.impl.DSL.count(JOB_SAVED_SEARCH_MATCHES.ID))
                .from(JOB_SAVED_SEARCHES)
                .leftJoin(JOB_SAVED_SEARCH_MATCHES)
                .on(JOB_SAVED_SEARCH_MATCHES.SAVED_SEARCH_ID.eq(JOB_SAVED_SEARCHES.ID))
                .and(JOB_SAVED_SEARCH_MATCHES.SEEN_AT.isNull())
                .where(JOB_SAVED_SEARCHES.MEMBER_ID.eq(member.value()))
                .groupBy(
                        JOB_SAVED_SEARCHES.ID,
                        JOB_SAVED_SEARCHES.NAME,
                        JOB_SAVED_SEARCHES.QUERY,
                        JOB_SAVED_SEARCHES.EMAIL_ALERTS,
                        JOB_SAVED_SEARCHES.CREATED_AT)
                .orderBy(JOB_SAVED_SEARCHES.CREATED_AT.desc())
                .fetch(r -> new SavedSearchRow(
                        r.value1(), r.value2(), r.value3(), Boolean.TRUE.equals(r.value4()), r.value5()));
    }

    /** The newest matches across a member's saved searches. */
    @Transactional(readOnly = true)
    List<MatchRow> matchesOf(MemberId member) {
        return dsl.select(
                        JOB_SAVED_SEARCH_MATCHES.ID,
                        JOB_SAVED_SEARCHES.NAME,
                        JOB_LISTINGS.ID,
                        JOB_LISTINGS.TITLE,
                        JOB_LISTINGS.COMPANY,
                        JOB_SAVED_SEARCH_MATCHES.CREATED_AT,
                        JOB_SAVED_SEARCH_MATCHES.SEEN_AT)
                .from(JOB_SAVED_SEARCH_MATCHES)
                .join(JOB_SAVED_SEARCHES)
                .on(JOB_SAVED_SEARCHES.ID.eq(JOB_SAVED_SEARCH_MATCHES.SAVED_SEARCH_ID))
                .join(JOB_LISTINGS)
                .on(JOB_LISTINGS.ID.eq(JOB_SAVED_SEARCH_MATCHES.JOB_ID))
                .where(JOB_SAVED_SEARCHES.MEMBER_ID.eq(member.value()))
                .orderBy(JOB_SAVED_SEARCH_MATCHES.CREATED_AT.desc(), JOB_SAVED_SEARCH_MATCHES.ID.desc())
                .limit(50)
                .fetch(r -> new MatchRow(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6().toInstant(ZoneOffset.UTC),
                        r.value7() != null));
    }

    @Transactional(readOnly = true)
    int unseenCount(MemberId member) {
        return dsl.fetchCount(
                JOB_SAVED_SEARCH_MATCHES
                        .join(JOB_SAVED_SEARCHES)
                        .on(JOB_SAVED_SEARCHES.ID.eq(JOB_SAVED_SEARCH_MATCHES.SAVED_SEARCH_ID)),
                JOB_SAVED_SEARCHES.MEMBER_ID.eq(member.value()).and(JOB_SAVED_SEARCH_MATCHES.SEEN_AT.isNull()));
    }

    @Transactional
    void markAllSeen(MemberId member) {
        headerCounts.forget(SavedSearchBadge.ATTRIBUTE, member);
        dsl.update(JOB_SAVED_SEARCH_MATCHES)
                .set(JOB_SAVED_SEARCH_MATCHES.SEEN_AT, Sql.utc(clock.instant()))
                .where(JOB_SAVED_SEARCH_MATCHES.SEEN_AT.isNull())
                .and(JOB_SAVED_SEARCH_MATCHES.SAVED_SEARCH_ID.in(org.jooq
                        .impl
                        .DSL
                        .select(JOB_SAVED_SEARCHES.ID)
                        .from(JOB_SAVED_SEARCHES)
                        .where(JOB_SAVED_SEARCHES.MEMBER_ID.eq(member.value()))))
                .execute();
    }

    /**
     * Checks the new listing against every saved search. Runs after the posting commits, in its
     * own transaction; a redelivered event finds the matches already stored and sends nothing twice.
     * A search that asks for other crafts is passed over without a query (most are: a saved search
     * nearly always names its crafts); the others are one query each on the listing's row. At many
     * thousands of saved searches per craft this should become a percolator-style inverted check.
     */
    @ApplicationModuleListener
    void on(JobPosted event) {
        Instant now = clock.instant();
        for (SavedSearch search : searches.findAll()) {
            if (search.getMember().equals(event.poster())) {
                continue;
            }
            JobSearch criteria = search.criteria();
            if (!criteria.crafts().isEmpty() && java.util.Collections.disjoint(criteria.crafts(), event.crafts())) {
                continue;
            }
            if (!queries.matches(criteria, event.job().value(), now)) {
                continue;
            }
            int inserted = dsl.insertInto(JOB_SAVED_SEARCH_MATCHES)
                    .set(JOB_SAVED_SEARCH_MATCHES.SAVED_SEARCH_ID, search.getId())
                    .set(JOB_SAVED_SEARCH_MATCHES.JOB_ID, event.job().value())
                    .set(JOB_SAVED_SEARCH_MATCHES.CREATED_AT, Sql.utc(now))
                    .onDuplicateKeyIgnore()
                    .execute();
            if (inserted == 0) {
                continue;
            }
            headerCounts.forget(SavedSearchBadge.ATTRIBUTE, search.getMember());
            // The feed notifies the member and, if the search says so, mails the alert after commit.
            events.publishEvent(new SavedSearchMatched(
                    search.getId(),
                    search.getMember(),
                    search.getName(),
                    event.job(),
                    event.title(),
                    search.isEmailAlerts()));
        }
    }
}
