package org.cinely.profiles;

import static org.cinely.profiles.jooq.Tables.PROFILES;
import static org.cinely.profiles.jooq.Tables.PROFILE_CRAFTS;
import static org.cinely.profiles.jooq.Tables.PROFILE_CREDITS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.search.SearchPage;
import org.cinely.platform.search.SearchTerms;
import org.cinely.platform.search.SearchWords;
import org.cinely.platform.search.Spelling;
import org.cinely.platform.search.Sql;
import org.cinely.platform.search.TextSearchPlanner;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member directory's search, and the profile reads other modules make in bulk. In jOOQ
 * because the search ranks by MySQL full-text relevance (MATCH ... AGAINST, which JPQL cannot
 * say), reads common words another way ({@link TextSearchPlanner}: REGEXP down the recency or
 * city indexes), combines optional filters, and must read one page of cards plus their crafts in
 * two indexed queries; the naive JPA version (kept in DirectoryAndSuggestionsBenchmark) is many
 * times slower. One class because the search's ways of reading (see the planner) must return
 * the same rows and are tested side by side.
 */
@Repository
class DirectoryQueries {

    /** Results are counted up to this many; beyond, the page says "1,000+". */
    static final int MAX_COUNT = 1_000;

    /** How old the planner's count of listed profiles may be. */
    private static final Duration COUNT_MAX_AGE = Duration.ofMinutes(5);

    /** The full-text index's columns, in its order (ft_profiles_text). */
    private static final Field<?>[] FULL_TEXT_COLUMNS = {
        PROFILES.DISPLAY_NAME, PROFILES.HANDLE, PROFILES.HEADLINE, PROFILES.BIO
    };

    /** The same columns as one text, for testing a row's words with REGEXP. */
    private static final Field<String> TEXT = SearchWords.text(FULL_TEXT_COLUMNS);

    /** Most recently active first: ix_profiles_last_active, read backwards. */
    private static final List<SortField<?>> RECENCY =
            List.of(PROFILES.LAST_ACTIVE_AT.desc(), PROFILES.MEMBER_ID.desc());

    /** How old the spelling suggestions' dictionary may be. */
    private static final Duration SPELLING_MAX_AGE = Duration.ofHours(1);

    private final AtomicReference<CachedCount> listed = new AtomicReference<>();

    private final DSLContext dsl;

    private final Spelling.Cache spelling;

    private final org.cinely.platform.search.SampleCache samples;

    DirectoryQueries(DSLContext dsl, org.cinely.platform.search.SampleCache samples) {
        this.dsl = dsl;
        this.samples = samples;
        this.spelling = new Spelling.Cache(this::recentTexts, SPELLING_MAX_AGE, Clock.systemUTC());
    }

    /**
     * The words the directory knows for "Did you mean ...?": the craft phrases and the frequent
     * words of the most recently active listed members' names, headlines and bios.
     */
    Spelling spelling() {
        return spelling.get();
    }

    /** Down ix_profiles_last_active: a few thousand rows, read at most once an hour. */
    private List<String> recentTexts() {
        return dsl.select(TEXT)
                .from(PROFILES)
                .where(PROFILES.LISTED.isTrue())
                .orderBy(RECENCY)
                .limit(Spelling.SAMPLE_ROWS)
                .fetch(TEXT);
    }

    /**
     * One page of the directory.
     *
     * @param anonymous the viewer is not signed in: members-only profiles match only on crafts
     * @param hidden members who do not show themselves to this viewer (they blocked them)
     */
    @Transactional(readOnly = true)
    SearchPage<ProfileCard> search(
            DirectorySearch search, boolean anonymous, Set<Long> hidden, LocalDate today, int pageSize) {
        return search(search, anonymous, hidden, today, pageSize, null);
    }

    /**
     * The same, read the way {@code forced} says instead of the planner's choice (tests check that
     * every access finds the same members).
     */
    @Transactional(readOnly = true)
    SearchPage<ProfileCard> search(
            DirectorySearch search,
            boolean anonymous,
            Set<Long> hidden,
            LocalDate today,
            int pageSize,
            TextSearchPlanner.Access forced) {
        SearchTerms terms = search.terms();
        List<String> words = terms.words();
        Condition place = place(search);
        // Words or a place read candidates through another index: a craft is tested as a bit of the
        // row already read. Alone, it is found through profile_crafts' (craft, member_id) index.
        boolean craftByIndex = terms.isEmpty() && place == null && search.q() == null;
        Condition others = filters(search, anonymous, hidden, today, craftByIndex);
        PageRequest pageable = PageRequest.of(search.page(), pageSize);
        if (terms.isEmpty()) {
            return searchWithoutWords(search, place, others, today, anonymous, pageable);
        }
        // Every word in the text, every craft phrase ("DP") as its craft or its words.
        Condition hasWords = terms.test(PROFILES.CRAFT_MASK, TEXT);
        // The sample: the most recently active listed profiles (the recency walk's own order).
        // Filters with an index to read candidates through: the place, the craft.
        Map<TextSearchPlanner.Access, Condition> indexed = new EnumMap<>(TextSearchPlanner.Access.class);
        if (place != null) {
            indexed.put(TextSearchPlanner.Access.PLACE, place);
        }
        if (search.craft() != null) {
            indexed.put(TextSearchPlanner.Access.CRAFT, hasCraftBit(search.craft()));
        }
        Condition craftTerms = terms.craftsTest(PROFILES.CRAFT_MASK, TEXT);
        // Kept per search (not per page) and viewer's view: see SampleCache.
        Object sampleKey = List.of(
                new DirectorySearch(search.q(), search.craft(), search.location(), search.availability(), 0),
                anonymous,
                hidden,
                today);
        TextSearchPlanner.Sample sample = samples.get(
                sampleKey,
                () -> TextSearchPlanner.sample(
                        dsl,
                        PROFILES,
                        PROFILES.LISTED.isTrue(),
                        RECENCY,
                        words,
                        TEXT,
                        terms.crafts().stream()
                                .map(term -> term.test(PROFILES.CRAFT_MASK, TEXT))
                                .toList(),
                        // Only full-text search ranks, and only a search with other words reads by it.
                        words.isEmpty() ? List.of() : terms.craftWords(),
                        indexed,
                        (place == null ? others : others.and(place)).and(craftTerms)));
        TextSearchPlanner.Plan plan = TextSearchPlanner.plan(sample, this::listedCount, pageSize);
        TextSearchPlanner.Access access = usable(forced == null ? plan.access() : forced, terms, search);
        // The craft phrases' words rank full-text matches only when they are rare enough.
        List<String> rankWords = plan.rankByCraftWords() ? terms.craftWords() : List.of();
        // Only craft phrases: members with the craft are listed by activity, which is no
        // "these words are too common" case.
        boolean unranked = !words.isEmpty() && access != TextSearchPlanner.Access.FULL_TEXT;
        if (access == TextSearchPlanner.Access.RECENT) {
            // Newest activity first, one row beyond the page to know whether there is a next one.
            // With a craft, the walk reads only that craft's members, through profile_crafts'
            // copy of their last activity (V15), in the same order as the profiles' own index.
            var byCraft = PROFILE_CRAFTS.as("by_craft");
            TableLike<?> walked = search.craft() == null
                    ? PROFILES
                    : byCraft.straightJoin(PROFILES)
                            .on(PROFILES.MEMBER_ID.eq(byCraft.MEMBER_ID))
                            .and(byCraft.CRAFT.eq(search.craft().slug()));
            List<SortField<?>> recency =
                    search.craft() == null ? RECENCY : List.of(byCraft.LAST_ACTIVE_AT.desc(), byCraft.MEMBER_ID.desc());
            List<Record> rows = dsl.select(cardFields())
                    .from(walked)
                    // The cheap tests first (MySQL evaluates them in order): REGEXP only on rows
                    // that pass the filters, not on every row the walk reads.
                    .where(PROFILES.LISTED.isTrue())
                    .and(others)
                    .and(place == null ? DSL.noCondition() : place)
                    .and(hasWords)
                    .orderBy(recency)
                    .limit(pageSize + 1)
                    .offset(pageable.getOffset())
                    .fetch();
            boolean more = rows.size() > pageSize;
            List<Record> shown = more ? rows.subList(0, pageSize) : rows;
            long seen = pageable.getOffset() + rows.size();
            return new SearchPage<>(
                    toCards(shown, today, anonymous),
                    pageable,
                    more ? Math.max(plan.estimatedMatches(), seen) : seen,
                    more,
                    access,
                    unranked);
        }
        Condition where = PROFILES.LISTED.isTrue().and(others);
        if (place != null) {
            where = where.and(place);
        }
        List<SortField<?>> order = new ArrayList<>();
        if (access == TextSearchPlanner.Access.FULL_TEXT) {
            where = where.and(SearchWords.fullTextMatch(words, rankWords, FULL_TEXT_COLUMNS))
                    .and(craftTerms);
            order.add(SearchWords.relevance(words, rankWords, FULL_TEXT_COLUMNS).desc());
        } else {
            where = where.and(hasWords);
        }
        order.add(PROFILES.LAST_ACTIVE_AT.desc());
        order.add(PROFILES.MEMBER_ID.desc());
        TableLike<?> from = switch (access) {
            case CRAFT -> withCraft(search.craft());
            case CRAFT_TERM -> withCraftTerm(terms.crafts().get(sample.narrowestTerm()));
            default -> PROFILES;
        };
        return everyMatchCounted(from, where, order, today, anonymous, pageable, access, unranked);
    }

    /**
     * The access asked for, or the nearest one this search can be read by: the full-text index
     * needs words of the text, the craft phrases' indexes a craft phrase, the craft's a craft.
     */
    private static TextSearchPlanner.Access usable(
            TextSearchPlanner.Access access, SearchTerms terms, DirectorySearch search) {
        if (access == TextSearchPlanner.Access.FULL_TEXT && terms.words().isEmpty()) {
            return TextSearchPlanner.Access.CRAFT_TERM;
        }
        if (access == TextSearchPlanner.Access.CRAFT_TERM && terms.crafts().isEmpty()) {
            return TextSearchPlanner.Access.FULL_TEXT;
        }
        if (access == TextSearchPlanner.Access.CRAFT && search.craft() == null) {
            return usable(TextSearchPlanner.Access.FULL_TEXT, terms, search);
        }
        return access;
    }

    /**
     * The members a craft phrase finds: those with one of its crafts (profile_crafts' (craft,
     * member_id) index) and those whose text has its words (the full-text index), each once; the
     * profiles joined after them (STRAIGHT_JOIN) and tested for the whole search.
     */
    private static TableLike<?> withCraftTerm(SearchTerms.CraftTerm term) {
        var byCraft = PROFILE_CRAFTS.as("by_craft");
        var found = DSL.select(byCraft.MEMBER_ID.as("found_id"))
                .from(byCraft)
                .where(byCraft.CRAFT.in(term.crafts().stream().map(Craft::slug).toList()));
        Table<?> candidates = term.words().isEmpty()
                ? found.asTable("candidates")
                : found.union(DSL.select(PROFILES.MEMBER_ID.as("found_id"))
                                .from(PROFILES)
                                .where(SearchWords.fullTextMatch(term.words(), FULL_TEXT_COLUMNS)))
                        .asTable("candidates");
        return candidates.straightJoin(PROFILES).on(PROFILES.MEMBER_ID.eq(candidates.field("found_id", Long.class)));
    }

    /**
     * The profiles with the craft, read through profile_crafts' (craft, member_id) index first
     * (STRAIGHT_JOIN: the optimiser would otherwise test the craft on every listed profile).
     */
    private static TableLike<?> withCraft(Craft craft) {
        var byCraft = PROFILE_CRAFTS.as("by_craft");
        return byCraft.straightJoin(PROFILES)
                .on(PROFILES.MEMBER_ID.eq(byCraft.MEMBER_ID))
                .and(byCraft.CRAFT.eq(craft.slug()));
    }

    /**
     * The most recently active listed members, as an anonymous visitor may see
     * them: the home page's list. One walk down the recency index, and no count (the list shows
     * none).
     */
    @Transactional(readOnly = true)
    List<ProfileCard> mostRecentlyActive(int size, LocalDate today) {
        List<Record> rows = dsl.select(cardFields())
                .from(PROFILES)
                .where(PROFILES.LISTED.isTrue())
                .orderBy(RECENCY)
                .limit(size)
                .fetch();
        return toCards(rows, today, true);
    }

    /** A search without words: by place, or down the recency index (counting stops at MAX_COUNT). */
    private SearchPage<ProfileCard> searchWithoutWords(
            DirectorySearch search,
            Condition place,
            Condition others,
            LocalDate today,
            boolean anonymous,
            PageRequest pageable) {
        Condition where = PROFILES.LISTED.isTrue().and(others);
        if (search.q() != null) {
            // Only short words (such as "DP" or "AD"): the index has none, so look at names and
            // headlines directly. Rare, and still bounded by the other filters and the page.
            String like = "%" + Sql.escapeLike(search.q()) + "%";
            where = where.and(PROFILES.DISPLAY_NAME
                    .like(like, '!')
                    .or(PROFILES.HANDLE.like(like, '!'))
                    .or(PROFILES.HEADLINE.like(like, '!')));
        }
        if (place != null || search.q() != null) {
            return everyMatchCounted(
                    PROFILES,
                    place == null ? where : where.and(place),
                    RECENCY,
                    today,
                    anonymous,
                    pageable,
                    null,
                    false);
        }
        List<Record> rows = dsl.select(cardFields())
                .from(PROFILES)
                .where(where)
                .orderBy(RECENCY)
                .limit(pageable.getPageSize())
                .offset(pageable.getOffset())
                .fetch();
        // Counting stops at MAX_COUNT ("1,000+ members"): an exact count of a broad search would
        // read every match, which costs more than the page itself.
        int total =
                rows.isEmpty() && pageable.getPageNumber() == 0 ? 0 : Sql.cappedCount(dsl, PROFILES, where, MAX_COUNT);
        return new SearchPage<>(toCards(rows, today, anonymous), pageable, total, false, null);
    }

    /** Rows matching {@code where}, all of them read to sort the page, so counted exactly as they go. */
    private SearchPage<ProfileCard> everyMatchCounted(
            TableLike<?> from,
            Condition where,
            List<SortField<?>> order,
            LocalDate today,
            boolean anonymous,
            PageRequest pageable,
            TextSearchPlanner.Access access,
            boolean unranked) {
        // The total rides along as a window count: the matches are found once, not twice (a
        // second, counting query doubled the cost of these searches).
        Field<Integer> windowTotal = DSL.count().over().as("total");
        List<Field<?>> fields = new ArrayList<>(cardFields());
        fields.add(windowTotal);
        List<Record> rows = dsl.select(fields)
                .from(from)
                .where(where)
                .orderBy(order)
                .limit(pageable.getPageSize())
                .offset(pageable.getOffset())
                .fetch();
        int total;
        if (!rows.isEmpty()) {
            total = Math.min(rows.get(0).get(windowTotal), MAX_COUNT + 1);
        } else if (pageable.getPageNumber() == 0) {
            total = 0;
        } else {
            total = Sql.cappedCount(dsl, PROFILES, where, MAX_COUNT);
        }
        return new SearchPage<>(toCards(rows, today, anonymous), pageable, total, false, access, unranked);
    }

    /**
     * Listed profiles, for the planner's estimates; counted at most every few minutes (an index
     * scan of every profile, and the estimates need no more than its order of magnitude).
     */
    private long listedCount() {
        CachedCount cached = listed.get();
        Instant now = Instant.now();
        if (cached == null || cached.at().isBefore(now.minus(COUNT_MAX_AGE))) {
            cached = new CachedCount(dsl.fetchCount(PROFILES, PROFILES.LISTED.isTrue()), now);
            listed.set(cached);
        }
        return cached.count();
    }

    private record CachedCount(long count, Instant at) {}

    private static Condition hasCraftBit(Craft craft) {
        return PROFILES.CRAFT_MASK.bitAnd(craft.bit()).ne(0L);
    }

    private static Condition place(DirectorySearch search) {
        if (search.location() == null) {
            return null;
        }
        String prefix = Sql.escapeLike(search.location()) + "%";
        return PROFILES.LOCATION_CITY.like(prefix, '!').or(PROFILES.LOCATION_COUNTRY.like(prefix, '!'));
    }

    /**
     * The filters besides words and place: craft, availability, what an anonymous visitor may
     * filter on, and members hidden from this viewer.
     */
    private static Condition filters(
            DirectorySearch search, boolean anonymous, Set<Long> hidden, LocalDate today, boolean craftByIndex) {
        Condition where = DSL.noCondition();
        if (search.craft() != null) {
            where = where.and(
                    craftByIndex
                            ? DSL.exists(DSL.selectOne()
                                    .from(PROFILE_CRAFTS)
                                    .where(PROFILE_CRAFTS.MEMBER_ID.eq(PROFILES.MEMBER_ID))
                                    .and(PROFILE_CRAFTS.CRAFT.eq(search.craft().slug())))
                            // On a row already read: test its craft bit (no probe per candidate).
                            : hasCraftBit(search.craft()));
        }
        if (search.availability() != null) {
            where = where.and(availability(search.availability(), today));
        }
        if (anonymous && search.filtersBeyondCraft()) {
            where = where.and(PROFILES.VISIBILITY.eq(Visibility.PUBLIC.name()));
        }
        if (!hidden.isEmpty()) {
            where = where.and(PROFILES.MEMBER_ID.notIn(hidden));
        }
        return where;
    }

    /**
     * Cards for the given members, in no particular order, keyed by member id; with {@code
     * listedOnly}, only those who are listed (not suspended or banned).
     */
    @Transactional(readOnly = true)
    Map<Long, ProfileCard> cards(Collection<Long> memberIds, LocalDate today, boolean listedOnly) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Condition where = PROFILES.MEMBER_ID.in(memberIds);
        if (listedOnly) {
            where = where.and(PROFILES.LISTED.isTrue());
        }
        List<Record> rows = dsl.select(cardFields()).from(PROFILES).where(where).fetch();
        Map<Long, ProfileCard> byId = new LinkedHashMap<>();
        for (ProfileCard card : toCards(rows, today, false)) {
            byId.put(card.memberId(), card);
        }
        return byId;
    }

    /**
     * The cards of those of these members whom the viewer may see by the profile rule ({@link
     * Profile#visibleTo}), read as rows rather than entities: the feed shows a page of people this
     * way on every visit, and loading each as a whole {@code Profile} (with its crafts collection)
     * was a seventh of a member's home page (issue 15). {@code connected} is asked only about
     * unlisted members.
     */
    Map<Long, ProfileCard> visibleCards(
            Collection<Long> memberIds, MemberId viewer, LocalDate today, LongPredicate connected) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        List<Field<?>> fields = new ArrayList<>(cardFields());
        fields.addAll(List.of(PROFILES.LISTED, PROFILES.MODERATION_STATE, PROFILES.STANDING));
        List<Record> visible = new ArrayList<>();
        for (Record r : dsl.select(fields)
                .from(PROFILES)
                .where(PROFILES.MEMBER_ID.in(memberIds))
                .fetch()) {
            long id = r.get(PROFILES.MEMBER_ID);
            boolean listed = r.get(PROFILES.LISTED);
            if (Profile.visibleTo(
                    id,
                    listed,
                    ModerationState.valueOf(r.get(PROFILES.MODERATION_STATE)),
                    Standing.valueOf(r.get(PROFILES.STANDING)),
                    viewer,
                    false,
                    !listed && connected.test(id))) {
                visible.add(r);
            }
        }
        Map<Long, ProfileCard> byId = new LinkedHashMap<>();
        for (ProfileCard card : toCards(visible, today, false)) {
            byId.put(card.memberId(), card);
        }
        return byId;
    }

    /**
     * Some members (such as one's connections), filtered by words in name, handle or headline,
     * sorted by name. The id list is bounded by the caller (a member's connections).
     */
    @Transactional(readOnly = true)
    Page<ProfileCard> among(Collection<Long> memberIds, String q, int page, int pageSize, LocalDate today) {
        if (memberIds.isEmpty()) {
            return Page.empty(PageRequest.of(page, pageSize));
        }
        Condition where = PROFILES.MEMBER_ID.in(memberIds);
        if (q != null && !q.isBlank()) {
            String like = "%" + Sql.escapeLike(q.strip()) + "%";
            where = where.and(PROFILES.DISPLAY_NAME
                    .like(like, '!')
                    .or(PROFILES.HANDLE.like(like, '!'))
                    .or(PROFILES.HEADLINE.like(like, '!')));
        }
        int total = dsl.fetchCount(PROFILES, where);
        List<Record> rows = dsl.select(cardFields())
                .from(PROFILES)
                .where(where)
                .orderBy(PROFILES.DISPLAY_NAME, PROFILES.MEMBER_ID)
                .limit(pageSize)
                .offset(page * pageSize)
                .fetch();
        return new PageImpl<>(toCards(rows, today, false), PageRequest.of(page, pageSize), total);
    }

    /**
     * Members who share a credit with this one (same production title and year), with how many
     * productions they share, most first.
     */
    @Transactional(readOnly = true)
    Map<Long, Integer> creditPartners(long memberId, int limit) {
        var mine = PROFILE_CREDITS.as("mine");
        var theirs = PROFILE_CREDITS.as("theirs");
        Field<Integer> shared = DSL.countDistinct(theirs.TITLE_KEY, theirs.RELEASE_YEAR);
        Map<Long, Integer> partners = new LinkedHashMap<>();
        dsl.select(theirs.MEMBER_ID, shared)
                .from(mine)
                .join(theirs)
                .on(theirs.TITLE_KEY.eq(mine.TITLE_KEY))
                .and(theirs.RELEASE_YEAR.eq(mine.RELEASE_YEAR))
                .and(theirs.MEMBER_ID.ne(mine.MEMBER_ID))
                .where(mine.MEMBER_ID.eq(memberId))
                .groupBy(theirs.MEMBER_ID)
                .orderBy(shared.desc())
                .limit(limit)
                .fetch()
                .forEach(r -> partners.put(r.value1(), r.value2()));
        return partners;
    }

    private static Condition availability(Availability wanted, LocalDate today) {
        Condition busyOver = PROFILES.AVAILABILITY.eq(Availability.BUSY.name()).and(PROFILES.BUSY_UNTIL.lt(today));
        return switch (wanted) {
            case AVAILABLE ->
                PROFILES.AVAILABILITY.eq(Availability.AVAILABLE.name()).or(busyOver);
            case BUSY -> PROFILES.AVAILABILITY.eq(Availability.BUSY.name()).and(PROFILES.BUSY_UNTIL.ge(today));
            case NOT_LOOKING -> PROFILES.AVAILABILITY.eq(Availability.NOT_LOOKING.name());
        };
    }

    private static List<Field<?>> cardFields() {
        return List.of(
                PROFILES.MEMBER_ID,
                PROFILES.HANDLE,
                PROFILES.DISPLAY_NAME,
                PROFILES.HEADLINE,
                PROFILES.LOCATION_CITY,
                PROFILES.LOCATION_COUNTRY,
                PROFILES.AVAILABILITY,
                PROFILES.BUSY_UNTIL,
                PROFILES.AVATAR_VERSION,
                PROFILES.VISIBILITY);
    }

    /** Rows to cards, with every card's crafts read in one more query (no N+1). */
    private List<ProfileCard> toCards(List<Record> rows, LocalDate today, boolean anonymous) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.get(PROFILES.MEMBER_ID)).toList();
        Map<Long, List<Craft>> crafts = new LinkedHashMap<>();
        dsl.select(PROFILE_CRAFTS.MEMBER_ID, PROFILE_CRAFTS.CRAFT)
                .from(PROFILE_CRAFTS)
                .where(PROFILE_CRAFTS.MEMBER_ID.in(ids))
                .orderBy(PROFILE_CRAFTS.MEMBER_ID, PROFILE_CRAFTS.POSITION)
                .fetch()
                .forEach(r -> crafts.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(Craft.fromSlug(r.value2()).orElse(Craft.OTHER)));
        List<ProfileCard> cards = new ArrayList<>(rows.size());
        for (Record r : rows) {
            long id = r.get(PROFILES.MEMBER_ID);
            Availability availability =
                    r.get(PROFILES.AVAILABILITY) == null ? null : Availability.valueOf(r.get(PROFILES.AVAILABILITY));
            ProfileCard card = new ProfileCard(
                    id,
                    r.get(PROFILES.HANDLE),
                    r.get(PROFILES.DISPLAY_NAME),
                    r.get(PROFILES.HEADLINE),
                    ProfileCard.joinLocation(r.get(PROFILES.LOCATION_CITY), r.get(PROFILES.LOCATION_COUNTRY)),
                    List.copyOf(crafts.getOrDefault(id, List.of())),
                    ProfileCard.effectiveAvailability(availability, r.get(PROFILES.BUSY_UNTIL), today),
                    r.get(PROFILES.BUSY_UNTIL),
                    r.get(PROFILES.AVATAR_VERSION));
            boolean membersOnly = Visibility.MEMBERS.name().equals(r.get(PROFILES.VISIBILITY));
            cards.add(anonymous && membersOnly ? card.limited() : card);
        }
        return cards;
    }
}
