package org.cinely.profiles;

import static org.cinely.profiles.jooq.Tables.PROFILES;
import static org.cinely.profiles.jooq.Tables.PROFILE_CRAFTS;
import static org.cinely.profiles.jooq.Tables.PROFILE_CREDITS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.Craft;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member directory's search, and the profile reads other modules make in bulk. In jOOQ
 * because the search ranks by MySQL full-text relevance (MATCH ... AGAINST, which JPQL cannot
 * say), combines optional filters, and must read one page of cards plus their crafts in two
 * indexed queries; the naive JPA version (kept in ProfilesBenchmark) is many times slower.
 */
@Repository
class DirectoryQueries {

    /** Results are counted up to this many; beyond, the page says "1,000+". */
    static final int MAX_COUNT = 1_000;

    private final DSLContext dsl;

    DirectoryQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One page of the directory.
     *
     * @param anonymous the viewer is not signed in: members-only profiles match only on crafts
     * @param hidden members who do not show themselves to this viewer (they blocked them)
     */
    @Transactional(readOnly = true)
    Page<ProfileCard> search(
            DirectorySearch search, boolean anonymous, Set<Long> hidden, LocalDate today, int pageSize) {
        Condition where = PROFILES.LISTED.isTrue();
        Field<Double> relevance = null;
        Optional<String> booleanQuery = search.booleanQuery();
        if (booleanQuery.isPresent()) {
            relevance = DSL.field(
                    "MATCH({0}, {1}, {2}, {3}) AGAINST ({4} IN BOOLEAN MODE)",
                    Double.class,
                    PROFILES.DISPLAY_NAME,
                    PROFILES.HANDLE,
                    PROFILES.HEADLINE,
                    PROFILES.BIO,
                    DSL.val(booleanQuery.get()));
            // MATCH itself as the condition (not "MATCH(...) > 0"), so the full-text index drives it.
            where = where.and(DSL.condition(
                    "MATCH({0}, {1}, {2}, {3}) AGAINST ({4} IN BOOLEAN MODE)",
                    PROFILES.DISPLAY_NAME,
                    PROFILES.HANDLE,
                    PROFILES.HEADLINE,
                    PROFILES.BIO,
                    DSL.val(booleanQuery.get())));
        } else if (search.q() != null) {
            // Only short words (such as "DP" or "AD"): the index has none, so look at names and
            // headlines directly. Rare, and still bounded by the other filters and the page.
            String like = "%" + escapeLike(search.q()) + "%";
            where = where.and(PROFILES.DISPLAY_NAME
                    .like(like, '!')
                    .or(PROFILES.HANDLE.like(like, '!'))
                    .or(PROFILES.HEADLINE.like(like, '!')));
        }
        // Words or a location narrow the candidates to rows read through the full-text or the
        // city/country indexes; every one of them is read anyway to sort the page. Otherwise the
        // page walks ix_profiles_last_active newest first and stops after one page.
        boolean readsEveryMatch = search.q() != null || search.location() != null;
        if (search.craft() != null) {
            where = where.and(
                    readsEveryMatch
                            // On a row already read: test its craft bit (no probe per candidate).
                            ? PROFILES.CRAFT_MASK.bitAnd(search.craft().bit()).ne(0L)
                            // Alone: profile_crafts' (craft, member_id) index finds the members.
                            : DSL.exists(DSL.selectOne()
                                    .from(PROFILE_CRAFTS)
                                    .where(PROFILE_CRAFTS.MEMBER_ID.eq(PROFILES.MEMBER_ID))
                                    .and(PROFILE_CRAFTS.CRAFT.eq(search.craft().slug()))));
        }
        if (search.location() != null) {
            String prefix = escapeLike(search.location()) + "%";
            where = where.and(PROFILES.LOCATION_CITY.like(prefix, '!').or(PROFILES.LOCATION_COUNTRY.like(prefix, '!')));
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

        List<SortField<?>> order = new ArrayList<>();
        if (relevance != null) {
            order.add(relevance.desc());
        }
        order.add(PROFILES.LAST_ACTIVE_AT.desc());
        order.add(PROFILES.MEMBER_ID.desc());
        List<Field<?>> fields = new ArrayList<>(cardFields());
        Field<Integer> windowTotal = DSL.count().over().as("total");
        if (readsEveryMatch) {
            // The total rides along as a window count: the matches are found once, not twice
            // (a second, counting query doubled the cost of these searches).
            fields.add(windowTotal);
        }
        List<Record> rows = dsl.select(fields)
                .from(PROFILES)
                .where(where)
                .orderBy(order)
                .limit(pageSize)
                .offset(search.page() * pageSize)
                .fetch();
        int total;
        if (rows.isEmpty() && search.page() == 0) {
            total = 0;
        } else if (readsEveryMatch && !rows.isEmpty()) {
            total = Math.min(rows.get(0).get(windowTotal), MAX_COUNT + 1);
        } else {
            // Counting stops at MAX_COUNT ("1,000+ members"): an exact count of a broad search
            // would read every match, which costs more than the page itself.
            total = dsl.fetchCount(dsl.selectOne().from(PROFILES).where(where).limit(MAX_COUNT + 1));
        }
        List<ProfileCard> cards = toCards(rows, today, anonymous);
        return new PageImpl<>(cards, PageRequest.of(search.page(), pageSize), total);
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
            String like = "%" + escapeLike(q.strip()) + "%";
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

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
