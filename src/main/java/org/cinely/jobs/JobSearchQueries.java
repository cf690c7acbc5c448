package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTING_CRAFTS;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.ProductionType;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job board search. In jOOQ because it is MySQL full-text search (MATCH ... AGAINST in
 * boolean mode, with its relevance score as a sort key) combined with optional filters, craft
 * bits and a window count, over job_search (open listings only, kept by {@link JobSearchIndex}):
 * JPQL has no full-text, and the naive JPA version (LIKE '%word%' over title and description,
 * crafts joined as entities) reads every open listing. The benchmark ({@code JobSearchBenchmark})
 * measures both.
 */
@Repository
class JobSearchQueries {

    /** One page of results. */
    record Page(List<JobCard> rows, int total, int page, int pageSize) {

        public int pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** Words InnoDB's default full-text stopword list ignores; a required stopword matches nothing. */
    private static final Set<String> STOPWORDS = Set.of(
            "about", "are", "com", "for", "from", "how", "that", "the", "this", "was", "what", "when", "where", "who",
            "will", "with", "und", "www");

    static final int MIN_TOKEN = 3;

    /** Results are counted up to this many when counting means reading them all; beyond, "1,000+". */
    static final int MAX_COUNT = 1_000;

    private final DSLContext dsl;

    JobSearchQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    Page search(JobSearch search, Instant now, int page, int pageSize) {
        int safePage = Math.max(0, Math.min(page, 500));
        Condition condition = searchOpenAt(now).and(filters(search, now));
        String booleanQuery = booleanQuery(search.q());
        Field<Double> score = booleanQuery.isEmpty() ? null : relevance(booleanQuery);
        List<SortField<?>> order = new ArrayList<>();
        switch (search.sort()) {
            case CLOSING -> order.add(JOB_SEARCH.CLOSES_AT.asc());
            case RELEVANCE -> {
                if (score != null) {
                    order.add(score.desc());
                }
            }
            case NEWEST -> {}
        }
        order.add(JOB_SEARCH.CREATED_AT.desc());
        order.add(JOB_SEARCH.JOB_ID.desc());
        // Words or a place narrow the candidates to rows found through the full-text or the
        // city/country indexes, and every one of them is read anyway to sort the page: the total
        // rides along as a window count (a second, counting query would find them all again).
        // Otherwise the page walks the created_at or closes_at index and stops after one page,
        // and the count stops at MAX_COUNT.
        boolean readsEveryMatch = !search.q().isBlank() || !search.location().isEmpty();
        Field<Integer> windowTotal = DSL.count().over().as("total");
        List<Field<?>> fields = new ArrayList<>(List.of(JOB_SEARCH.JOB_ID));
        if (readsEveryMatch) {
            fields.add(windowTotal);
        }
        List<Record> records = dsl.select(fields)
                .from(JOB_SEARCH)
                .where(condition)
                .orderBy(order)
                .limit(pageSize)
                .offset(safePage * pageSize)
                .fetch();
        int count;
        if (records.isEmpty() && safePage == 0) {
            count = 0;
        } else if (readsEveryMatch && !records.isEmpty()) {
            count = Math.min(records.get(0).get(windowTotal), MAX_COUNT + 1);
        } else {
            count = dsl.fetchCount(
                    dsl.selectOne().from(JOB_SEARCH).where(condition).limit(MAX_COUNT + 1));
        }
        List<Long> ids = records.stream().map(r -> r.get(JOB_SEARCH.JOB_ID)).toList();
        return new Page(byIds(ids, now), count, safePage, pageSize);
    }

    /** Whether one listing (open now) matches a search: saved-search alerts. */
    @Transactional(readOnly = true)
    boolean matches(JobSearch search, long jobId, Instant now) {
        return dsl.fetchExists(
                JOB_SEARCH, JOB_SEARCH.JOB_ID.eq(jobId).and(searchOpenAt(now)).and(filters(search, now)));
    }

    /** A member's own listings, newest first, whatever their state. */
    @Transactional(readOnly = true)
    List<JobCard> postedBy(long posterId, Instant now) {
        List<Record> records = dsl.select(cardFields())
                .from(JOB_LISTINGS)
                .where(JOB_LISTINGS.POSTER_ID.eq(posterId))
                .orderBy(JOB_LISTINGS.CREATED_AT.desc(), JOB_LISTINGS.ID.desc())
                .limit(200)
                .fetch();
        return toCards(records, now);
    }

    @Transactional(readOnly = true)
    List<JobCard> byIds(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, JobCard> byId = new LinkedHashMap<>();
        for (JobCard card : toCards(
                dsl.select(cardFields())
                        .from(JOB_LISTINGS)
                        .where(JOB_LISTINGS.ID.in(ids))
                        .fetch(),
                now)) {
            byId.put(card.id(), card);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Open listings, in job_listings (the listing pages and the benchmark's own check). */
    static Condition openAt(Instant now) {
        return JOB_LISTINGS.STATUS.eq("OPEN").and(JOB_LISTINGS.EXPIRES_AT.gt(utc(now)));
    }

    /** Open listings, in job_search: a row exists only for open listings, until they expire. */
    static Condition searchOpenAt(Instant now) {
        return JOB_SEARCH.EXPIRES_AT.gt(utc(now));
    }

    /** The search's filters, over job_search. */
    static Condition filters(JobSearch search, Instant now) {
        Condition condition = DSL.noCondition();
        String booleanQuery = booleanQuery(search.q());
        if (!booleanQuery.isEmpty()) {
            condition = condition.and(DSL.condition(
                    "MATCH({0}, {1}, {2}) AGAINST ({3} IN BOOLEAN MODE)",
                    JOB_SEARCH.TITLE, JOB_SEARCH.PRODUCTION_TITLE, JOB_SEARCH.DESCRIPTION, DSL.val(booleanQuery)));
        }
        for (String shortWord : shortWords(search.q())) {
            // Too short for the full-text index ("AC", "DP"): matched as a word in the title.
            String like = "%" + escapeLike(shortWord) + "%";
            condition = condition.and(JOB_SEARCH
                    .TITLE
                    .likeIgnoreCase(like, '!')
                    .or(JOB_SEARCH.PRODUCTION_TITLE.likeIgnoreCase(like, '!')));
        }
        if (!search.crafts().isEmpty()) {
            // Any of the crafts: the listing's craft bits (Craft.bit) share one with the search's.
            condition = condition.and(
                    JOB_SEARCH.CRAFT_MASK.bitAnd(Craft.mask(search.crafts())).ne(0L));
        }
        Condition place = null;
        if (!search.location().isEmpty()) {
            String prefix = escapeLike(search.location()) + "%";
            place = JOB_SEARCH.LOCATION_CITY.like(prefix, '!').or(JOB_SEARCH.LOCATION_COUNTRY.like(prefix, '!'));
        }
        if (search.remote()) {
            place = place == null ? JOB_SEARCH.REMOTE.isTrue() : place.or(JOB_SEARCH.REMOTE.isTrue());
        }
        if (place != null) {
            condition = condition.and(place);
        }
        if (search.paid()) {
            condition = condition.and(JOB_SEARCH.PAID.isTrue());
        }
        if (search.union() == UnionStatus.UNION) {
            condition = condition.and(JOB_SEARCH.UNION_STATUS.in(UnionStatus.UNION.name(), UnionStatus.EITHER.name()));
        } else if (search.union() == UnionStatus.NON_UNION) {
            condition =
                    condition.and(JOB_SEARCH.UNION_STATUS.in(UnionStatus.NON_UNION.name(), UnionStatus.EITHER.name()));
        }
        if (search.startFrom() != null) {
            condition = condition.and(JOB_SEARCH.START_DATE.ge(search.startFrom()));
        }
        if (search.startTo() != null) {
            condition = condition.and(JOB_SEARCH.START_DATE.le(search.startTo()));
        }
        if (search.postedWithinDays() != null) {
            condition = condition.and(
                    JOB_SEARCH.CREATED_AT.ge(utc(now.minus(java.time.Duration.ofDays(search.postedWithinDays())))));
        }
        return condition;
    }

    /**
     * The words of a search as a boolean-mode query: every word required, each as a prefix
     * ({@code +night* +shoot*}). Operators typed by the user are stripped, so a search cannot
     * break the query or change its meaning.
     */
    static String booleanQuery(String q) {
        StringBuilder query = new StringBuilder();
        for (String word : words(q)) {
            if (word.length() >= MIN_TOKEN && !STOPWORDS.contains(word)) {
                if (!query.isEmpty()) {
                    query.append(' ');
                }
                query.append('+').append(word).append('*');
            }
        }
        return query.toString();
    }

    static List<String> shortWords(String q) {
        return words(q).stream()
                .filter(word -> word.length() < MIN_TOKEN)
                .distinct()
                .toList();
    }

    private static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && words.size() < 8) {
                words.add(word);
            }
        }
        return words;
    }

    private static Field<Double> relevance(String booleanQuery) {
        return DSL.field(
                "MATCH({0}, {1}, {2}) AGAINST ({3} IN BOOLEAN MODE)",
                Double.class,
                JOB_SEARCH.TITLE,
                JOB_SEARCH.PRODUCTION_TITLE,
                JOB_SEARCH.DESCRIPTION,
                DSL.val(booleanQuery));
    }

    private static List<Field<?>> cardFields() {
        return List.of(
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
                JOB_LISTINGS.CREATED_AT,
                JOB_LISTINGS.EXPIRES_AT,
                JOB_LISTINGS.APPLICATION_DEADLINE,
                JOB_LISTINGS.STATUS);
    }

    /** Maps rows to cards, loading the crafts of the whole page in one query. */
    private List<JobCard> toCards(List<Record> records, Instant now) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<Long> ids = records.stream().map(r -> r.get(JOB_LISTINGS.ID)).toList();
        Map<Long, List<Craft>> crafts = new LinkedHashMap<>();
        dsl.select(JOB_LISTING_CRAFTS.JOB_ID, JOB_LISTING_CRAFTS.CRAFT)
                .from(JOB_LISTING_CRAFTS)
                .where(JOB_LISTING_CRAFTS.JOB_ID.in(ids))
                .orderBy(JOB_LISTING_CRAFTS.JOB_ID, JOB_LISTING_CRAFTS.POSITION)
                .forEach(r -> Craft.fromSlug(r.value2())
                        .ifPresent(craft -> crafts.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                .add(craft)));
        return records.stream()
                .map(r -> {
                    Instant expiresAt = r.get(JOB_LISTINGS.EXPIRES_AT).toInstant(ZoneOffset.UTC);
                    ListingState state = "CLOSED".equals(r.get(JOB_LISTINGS.STATUS))
                            ? ListingState.CLOSED
                            : now.isBefore(expiresAt) ? ListingState.OPEN : ListingState.EXPIRED;
                    String payUnit = r.get(JOB_LISTINGS.PAY_UNIT);
                    return new JobCard(
                            r.get(JOB_LISTINGS.ID),
                            r.get(JOB_LISTINGS.TITLE),
                            r.get(JOB_LISTINGS.PRODUCTION_TITLE),
                            ProductionType.valueOf(r.get(JOB_LISTINGS.PRODUCTION_TYPE)),
                            r.get(JOB_LISTINGS.COMPANY),
                            r.get(JOB_LISTINGS.LOCATION_CITY),
                            r.get(JOB_LISTINGS.LOCATION_COUNTRY),
                            Boolean.TRUE.equals(r.get(JOB_LISTINGS.REMOTE)),
                            r.get(JOB_LISTINGS.START_DATE),
                            r.get(JOB_LISTINGS.END_DATE),
                            Compensation.valueOf(r.get(JOB_LISTINGS.COMPENSATION)),
                            r.get(JOB_LISTINGS.PAY_AMOUNT),
                            payUnit == null ? null : PayUnit.valueOf(payUnit),
                            r.get(JOB_LISTINGS.PAY_CURRENCY),
                            UnionStatus.valueOf(r.get(JOB_LISTINGS.UNION_STATUS)),
                            List.copyOf(crafts.getOrDefault(r.get(JOB_LISTINGS.ID), List.of())),
                            r.get(JOB_LISTINGS.CREATED_AT).toInstant(ZoneOffset.UTC),
                            expiresAt,
                            r.get(JOB_LISTINGS.APPLICATION_DEADLINE),
                            state);
                })
                .toList();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
