package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTING_CRAFTS;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH_CRAFTS;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;
import org.cinely.platform.search.SearchTerms;
import org.cinely.platform.search.SearchWords;
import org.cinely.platform.search.Spelling;
import org.cinely.platform.search.Sql;
import org.cinely.platform.search.TextSearchPlanner;
import org.cinely.platform.web.PageSlice;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job board search. In jOOQ because it is MySQL full-text search (MATCH ... AGAINST in
 * boolean mode, with its relevance score as a sort key) combined with optional filters, craft
 * bits and a window count, over job_search (open listings only, kept by {@link JobSearchIndex});
 * for common words, {@link TextSearchPlanner} reads the rows through the place's or the crafts'
 * index (job_search_crafts, a STRAIGHT_JOIN) or down the newest listings instead, testing the
 * words with REGEXP. JPQL has none of these, and the naive JPA version (LIKE '%word%' over title
 * and description, crafts joined as entities) reads every open listing. The benchmark ({@code
 * JobSearchBenchmark}) measures both. One class because the planner's ways of reading must return
 * the same rows and are tested side by side.
 */
@Repository
class JobSearchQueries {

    /**
     * One page of results.
     *
     * @param estimated the total is the planner's estimate (read down the newest listings)
     * @param access how the rows were read; {@code null} for a search without words
     * @param unranked words were searched but the rows are not ranked by relevance (they were too
     *     common); a search for craft phrases alone lists the newest, which is no such case
     */
    record Page(
            List<JobCard> rows,
            int total,
            boolean estimated,
            TextSearchPlanner.Access access,
            int page,
            int pageSize,
            boolean unranked) {

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

    /** Results are counted up to this many when counting means reading them all; beyond, "1,000+". */
    static final int MAX_COUNT = 1_000;

    /** How old the planner's count of open listings may be. */
    private static final Duration COUNT_MAX_AGE = Duration.ofMinutes(5);

    /** The full-text index's columns, in its order (ft_job_search_text). */
    private static final Field<?>[] FULL_TEXT_COLUMNS = {
        JOB_SEARCH.TITLE, JOB_SEARCH.PRODUCTION_TITLE, JOB_SEARCH.DESCRIPTION
    };

    /** The same columns as one text, for testing a row's words with REGEXP. */
    private static final Field<String> TEXT = SearchWords.text(FULL_TEXT_COLUMNS);

    /** How old the spelling suggestions' dictionary may be. */
    private static final Duration SPELLING_MAX_AGE = Duration.ofHours(1);

    private final AtomicReference<CachedCount> open = new AtomicReference<>();

    private final DSLContext dsl;

    private final Spelling.Cache spelling;

    private final org.cinely.platform.search.SampleCache samples;

    JobSearchQueries(DSLContext dsl, org.cinely.platform.search.SampleCache samples) {
        this.dsl = dsl;
        this.samples = samples;
        this.spelling = new Spelling.Cache(this::recentTexts, SPELLING_MAX_AGE, java.time.Clock.systemUTC());
    }

    /**
     * The words the board knows for "Did you mean ...?": the craft phrases and the frequent words
     * of the newest open listings.
     */
    Spelling spelling() {
        return spelling.get();
    }

    /** Down the created_at index of job_search: a few thousand rows, read at most once an hour. */
    private List<String> recentTexts() {
        return dsl.select(TEXT)
                .from(JOB_SEARCH)
                .orderBy(JOB_SEARCH.CREATED_AT.desc(), JOB_SEARCH.JOB_ID.desc())
                .limit(Spelling.SAMPLE_ROWS)
                .fetch(TEXT);
    }

    /**
     * For a search whose words found nothing: the same search with the nearest spelling of its
     * unknown words that finds something ("Did you mean gaffer?"); at most {@link
     * Spelling#MAX_CORRECTIONS} searches of one row, and none unless the first page came back empty.
     */
    @Transactional(readOnly = true)
    java.util.Optional<JobSearch> didYouMean(JobSearch search, Page found, Instant now) {
        if (found.total() > 0 || search.q().isEmpty() || found.page() > 0) {
            return java.util.Optional.empty();
        }
        return spelling()
                .firstThatFinds(
                        search.q(),
                        q -> !search(search.withQ(q), now, 0, 1).rows().isEmpty())
                .map(search::withQ);
    }

    @Transactional(readOnly = true)
    Page search(JobSearch search, Instant now, int page, int pageSize) {
        return search(search, now, page, pageSize, null);
    }

    /**
     * The same, read the way {@code forced} says instead of the planner's choice (tests check that
     * every access finds the same listings).
     */
    @Transactional(readOnly = true)
    Page search(JobSearch search, Instant now, int page, int pageSize, TextSearchPlanner.Access forced) {
        int safePage = Math.max(0, Math.min(page, 500));
        SearchTerms terms = SearchTerms.of(search.q());
        List<String> words = terms.words();
        Condition place = place(search);
        Condition others = searchOpenAt(now).and(others(search, now));
        if (place != null) {
            others = others.and(place);
        }
        if (terms.isEmpty()) {
            // Without words: a place reads its candidates through the city/country indexes, every
            // one of them to sort the page, so the total rides along as a window count; otherwise
            // the page walks the created_at or closes_at index and counting stops at MAX_COUNT.
            return search.location().isEmpty()
                    ? walked(others, order(search.sort(), null), now, safePage, pageSize)
                    : everyMatchCounted(JOB_SEARCH, others, order(search.sort(), null), now, safePage, pageSize);
        }
        // Every word in the text, every craft phrase ("DP") as its craft or its words.
        Condition hasWords = terms.test(JOB_SEARCH.CRAFT_MASK, TEXT);
        Condition craftTerms = terms.craftsTest(JOB_SEARCH.CRAFT_MASK, TEXT);
        // Filters with an index to read candidates through: a place (unless "or remote"), crafts.
        Map<TextSearchPlanner.Access, Condition> indexed = new EnumMap<>(TextSearchPlanner.Access.class);
        if (place != null && !search.remote()) {
            indexed.put(TextSearchPlanner.Access.PLACE, place);
        }
        if (!search.crafts().isEmpty()) {
            indexed.put(TextSearchPlanner.Access.CRAFT, hasCraft(search));
        }
        // The sample: the newest open listings.
        // Kept per search (not per page or instant): see SampleCache.
        Condition sampled = others.and(craftTerms);
        TextSearchPlanner.Sample sample = samples.get(
                search,
                () -> TextSearchPlanner.sample(
                        dsl,
                        JOB_SEARCH,
                        searchOpenAt(now),
                        List.of(JOB_SEARCH.CREATED_AT.desc(), JOB_SEARCH.JOB_ID.desc()),
                        words,
                        TEXT,
                        terms.crafts().stream()
                                .map(term -> term.test(JOB_SEARCH.CRAFT_MASK, TEXT))
                                .toList(),
                        // Only full-text search ranks, and only a search with other words reads by it.
                        words.isEmpty() ? List.of() : terms.craftWords(),
                        indexed,
                        sampled));
        TextSearchPlanner.Plan plan = TextSearchPlanner.plan(sample, () -> openCount(now), pageSize);
        TextSearchPlanner.Access access = usable(forced == null ? plan.access() : forced, terms, search);
        // The craft phrases' words rank full-text matches only when they are rare enough.
        List<String> rankWords = plan.rankByCraftWords() ? terms.craftWords() : List.of();
        List<SortField<?>> unranked = order(search.sort(), null);
        Page found = switch (access) {
            case FULL_TEXT ->
                everyMatchCounted(
                        JOB_SEARCH,
                        others.and(SearchWords.fullTextMatch(words, rankWords, FULL_TEXT_COLUMNS))
                                .and(craftTerms),
                        order(search.sort(), SearchWords.relevance(words, rankWords, FULL_TEXT_COLUMNS)),
                        now,
                        safePage,
                        pageSize);
            case PLACE -> everyMatchCounted(JOB_SEARCH, others.and(hasWords), unranked, now, safePage, pageSize);
            case CRAFT ->
                everyMatchCounted(withCrafts(search), others.and(hasWords), unranked, now, safePage, pageSize);
            case CRAFT_TERM ->
                everyMatchCounted(
                        withCraftTerm(terms.crafts().get(sample.narrowestTerm())),
                        others.and(hasWords),
                        unranked,
                        now,
                        safePage,
                        pageSize);
            case RECENT ->
                firstMatchesEstimated(others.and(hasWords), unranked, plan.estimatedMatches(), now, safePage, pageSize);
        };
        // Only craft phrases: listings with the craft, newest first, which is no "these words are
        // too common" case.
        boolean unrankedWords = !words.isEmpty() && access != TextSearchPlanner.Access.FULL_TEXT;
        return new Page(
                found.rows(), found.total(), found.estimated(), access, found.page(), found.pageSize(), unrankedWords);
    }

    /**
     * The access asked for, or the nearest one this search can be read by: the full-text index
     * needs words of the text, the craft phrases' indexes a craft phrase, the crafts' a craft.
     */
    private static TextSearchPlanner.Access usable(
            TextSearchPlanner.Access access, SearchTerms terms, JobSearch search) {
        if (access == TextSearchPlanner.Access.FULL_TEXT && terms.words().isEmpty()) {
            return TextSearchPlanner.Access.CRAFT_TERM;
        }
        if (access == TextSearchPlanner.Access.CRAFT_TERM && terms.crafts().isEmpty()) {
            return TextSearchPlanner.Access.FULL_TEXT;
        }
        if (access == TextSearchPlanner.Access.CRAFT && search.crafts().isEmpty()) {
            return usable(TextSearchPlanner.Access.FULL_TEXT, terms, search);
        }
        return access;
    }

    /**
     * The open listings a craft phrase finds: those with one of its crafts (job_search_crafts'
     * (craft, job_id) key) and those whose text has its words (the full-text index), each once;
     * job_search joined after them (STRAIGHT_JOIN) and tested for the whole search.
     */
    private static TableLike<?> withCraftTerm(SearchTerms.CraftTerm term) {
        var found = DSL.select(JOB_SEARCH_CRAFTS.JOB_ID.as("found_id"))
                .from(JOB_SEARCH_CRAFTS)
                .where(JOB_SEARCH_CRAFTS.CRAFT.in(
                        term.crafts().stream().map(Craft::slug).toList()));
        Table<?> candidates = term.words().isEmpty()
                ? found.asTable("candidates")
                : found.union(DSL.select(JOB_SEARCH.JOB_ID.as("found_id"))
                                .from(JOB_SEARCH)
                                .where(SearchWords.fullTextMatch(term.words(), FULL_TEXT_COLUMNS)))
                        .asTable("candidates");
        return candidates.straightJoin(JOB_SEARCH).on(JOB_SEARCH.JOB_ID.eq(candidates.field("found_id", Long.class)));
    }

    /**
     * The board's order. Relevance needs the full-text score; a search read another way (common
     * words, see {@link TextSearchPlanner}) lists the newest first.
     */
    private static List<SortField<?>> order(JobSearch.Sort sort, Field<Double> score) {
        List<SortField<?>> order = new ArrayList<>();
        if (sort == JobSearch.Sort.CLOSING) {
            order.add(JOB_SEARCH.CLOSES_AT.asc());
        } else if (sort == JobSearch.Sort.RELEVANCE && score != null) {
            order.add(score.desc());
        }
        order.add(JOB_SEARCH.CREATED_AT.desc());
        order.add(JOB_SEARCH.JOB_ID.desc());
        return order;
    }

    /**
     * The open listings that have one of the search's crafts, read through job_search_crafts'
     * (craft, job_id) key first (STRAIGHT_JOIN: the optimiser would otherwise test every open
     * listing against the craft list); without crafts, job_search itself.
     */
    private static TableLike<?> withCrafts(JobSearch search) {
        if (search.crafts().isEmpty()) {
            return JOB_SEARCH;
        }
        Table<Record1<Long>> byCraft = DSL.selectDistinct(JOB_SEARCH_CRAFTS.JOB_ID)
                .from(JOB_SEARCH_CRAFTS)
                .where(JOB_SEARCH_CRAFTS.CRAFT.in(
                        search.crafts().stream().map(Craft::slug).toList()))
                .asTable("by_craft");
        return byCraft.straightJoin(JOB_SEARCH).on(JOB_SEARCH.JOB_ID.eq(byCraft.field(JOB_SEARCH_CRAFTS.JOB_ID)));
    }

    /** Matches all read to sort the page: the total rides along as a window count. */
    private Page everyMatchCounted(
            TableLike<?> from, Condition condition, List<SortField<?>> order, Instant now, int page, int pageSize) {
        Field<Integer> windowTotal = DSL.count().over().as("total");
        List<? extends Record> records = dsl.select(JOB_SEARCH.JOB_ID, windowTotal)
                .from(from)
                .where(condition)
                .orderBy(order)
                .limit(pageSize)
                .offset(page * pageSize)
                .fetch();
        int count = records.isEmpty()
                ? page == 0 ? 0 : cappedCount(condition)
                : Math.min(records.get(0).get(windowTotal), MAX_COUNT + 1);
        return page(records, count, false, now, page, pageSize);
    }

    /** Down the created_at or closes_at index, one page; counting stops at MAX_COUNT. */
    private Page walked(Condition condition, List<SortField<?>> order, Instant now, int page, int pageSize) {
        List<? extends Record> records = dsl.select(JOB_SEARCH.JOB_ID)
                .from(JOB_SEARCH)
                .where(condition)
                .orderBy(order)
                .limit(pageSize)
                .offset(page * pageSize)
                .fetch();
        int count = records.isEmpty() && page == 0 ? 0 : cappedCount(condition);
        return page(records, count, false, now, page, pageSize);
    }

    /**
     * Down the created_at or closes_at index until one row beyond the page: the total is the
     * planner's estimate unless the walk reached the last match.
     */
    private Page firstMatchesEstimated(
            Condition condition, List<SortField<?>> order, long estimate, Instant now, int page, int pageSize) {
        List<? extends Record> records = dsl.select(JOB_SEARCH.JOB_ID)
                .from(JOB_SEARCH)
                .where(condition)
                .orderBy(order)
                .limit(pageSize + 1)
                .offset(page * pageSize)
                .fetch();
        boolean more = records.size() > pageSize;
        long seen = (long) page * pageSize + records.size();
        int count = (int) Math.min(Integer.MAX_VALUE, more ? Math.max(estimate, seen) : seen);
        return page(more ? records.subList(0, pageSize) : records, count, more, now, page, pageSize);
    }

    private int cappedCount(Condition condition) {
        return Sql.cappedCount(dsl, JOB_SEARCH, condition, MAX_COUNT);
    }

    private Page page(
            List<? extends Record> records, int count, boolean estimated, Instant now, int page, int pageSize) {
        List<Long> ids = records.stream().map(r -> r.get(JOB_SEARCH.JOB_ID)).toList();
        return new Page(byIds(ids, now), count, estimated, null, page, pageSize, false);
    }

    /** Open listings, for the planner's estimates; counted at most every few minutes. */
    private long openCount(Instant now) {
        CachedCount cached = open.get();
        if (cached == null || cached.at().isBefore(now.minus(COUNT_MAX_AGE))) {
            cached = new CachedCount(dsl.fetchCount(JOB_SEARCH, searchOpenAt(now)), now);
            open.set(cached);
        }
        return cached.count();
    }

    private record CachedCount(long count, Instant at) {}

    /** Whether one listing (open now) matches a search: saved-search alerts. */
    @Transactional(readOnly = true)
    boolean matches(JobSearch search, long jobId, Instant now) {
        // Tested on the row (REGEXP for the words): MATCH would first find every listing with them.
        return dsl.fetchExists(
                JOB_SEARCH, JOB_SEARCH.JOB_ID.eq(jobId).and(searchOpenAt(now)).and(filters(search, now)));
    }

    /** A member's own listings, newest first, whatever their state. */
    @Transactional(readOnly = true)
    PageSlice<JobCard> postedBy(long posterId, Instant now, int page, int size) {
        List<Record> records = dsl.select(cardFields())
                .from(JOB_LISTINGS)
                .where(JOB_LISTINGS.POSTER_ID.eq(posterId))
                .orderBy(JOB_LISTINGS.CREATED_AT.desc(), JOB_LISTINGS.ID.desc())
                .limit(size + 1)
                .offset(PageSlice.offset(page, size))
                .fetch();
        return PageSlice.of(toCards(records, now), page, size);
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
        return JOB_LISTINGS.STATUS.eq("OPEN").and(JOB_LISTINGS.EXPIRES_AT.gt(Sql.utc(now)));
    }

    /** Open listings, in job_search: a row exists only for open listings, until they expire. */
    static Condition searchOpenAt(Instant now) {
        return JOB_SEARCH.EXPIRES_AT.gt(Sql.utc(now));
    }

    /** The whole search as a test of one job_search row (the words by REGEXP, not MATCH). */
    static Condition filters(JobSearch search, Instant now) {
        Condition condition =
                SearchTerms.of(search.q()).test(JOB_SEARCH.CRAFT_MASK, TEXT).and(others(search, now));
        Condition place = place(search);
        return place == null ? condition : condition.and(place);
    }

    /** Any of the crafts: the listing's craft bits (Craft.bit) share one with the search's. */
    private static Condition hasCraft(JobSearch search) {
        return JOB_SEARCH.CRAFT_MASK.bitAnd(Craft.mask(search.crafts())).ne(0L);
    }

    /** Location, remote, or either: {@code null} for anywhere. */
    private static Condition place(JobSearch search) {
        Condition place = null;
        if (!search.location().isEmpty()) {
            String prefix = Sql.escapeLike(search.location()) + "%";
            place = JOB_SEARCH.LOCATION_CITY.like(prefix, '!').or(JOB_SEARCH.LOCATION_COUNTRY.like(prefix, '!'));
        }
        if (search.remote()) {
            place = place == null ? JOB_SEARCH.REMOTE.isTrue() : place.or(JOB_SEARCH.REMOTE.isTrue());
        }
        return place;
    }

    /** Every filter besides the indexed words and the place. */
    private static Condition others(JobSearch search, Instant now) {
        Condition condition = DSL.noCondition();
        for (String shortWord : SearchTerms.of(search.q()).shortWords()) {
            // Too short for the full-text index ("AC", "DP"): matched as a word in the title.
            String like = "%" + Sql.escapeLike(shortWord) + "%";
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
                    JOB_SEARCH.CREATED_AT.ge(Sql.utc(now.minus(java.time.Duration.ofDays(search.postedWithinDays())))));
        }
        return condition;
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
}
