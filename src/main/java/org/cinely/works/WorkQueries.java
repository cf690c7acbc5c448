package org.cinely.works;

import static org.cinely.works.jooq.Tables.WORKS;
import static org.cinely.works.jooq.Tables.WORK_CREDITS;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.media.MediaApi;
import org.cinely.media.MediaStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.web.PageSlice;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * List queries (browse, a member's works) in jOOQ, with one query for the page and one batch
 * each for owners and media, so a page of 24 cards costs three queries, not 50.
 */
@Repository
class WorkQueries {

    private final DSLContext dsl;
    private final AccountsApi accounts;
    private final MediaApi media;

    WorkQueries(DSLContext dsl, AccountsApi accounts, MediaApi media) {
        this.dsl = dsl;
        this.accounts = accounts;
        this.media = media;
    }

    private record Row(
            long id,
            String title,
            String type,
            Integer year,
            long owner,
            Long asset,
            int likes,
            LocalDateTime published,
            int mediaVersion) {}

    private List<Row> rows(Condition where, SortField<?>[] order, int limit, int offset) {
        return dsl.select(
                        WORKS.ID,
                        WORKS.TITLE,
                        WORKS.PRODUCTION_TYPE,
                        WORKS.PRODUCTION_YEAR,
                        WORKS.OWNER_ID,
                        WORKS.MEDIA_ASSET_ID,
                        WORKS.LIKE_COUNT,
                        WORKS.PUBLISHED_AT,
                        WORKS.MEDIA_VERSION)
                .from(WORKS)
                .where(where)
                .orderBy(order)
                .limit(limit)
                .offset(offset)
                .fetch(Records.mapping(Row::new));
    }

    /** What anyone may watch: the works' visibility rule for everyone, once the video plays. */
    private static Condition everyoneMayWatch() {
        return VisibilityRule.work(VisibilityRule.Viewer.EVERYONE).and(WORKS.PLAYABLE.isTrue());
    }

    /** Newest works anyone may watch, optionally of one production type or with a credited craft. */
    List<WorkCard> newestPublic(Optional<ProductionType> type, Optional<Craft> craft, int page, int size) {
        Condition where = everyoneMayWatch();
        if (type.isPresent()) {
            where = where.and(WORKS.PRODUCTION_TYPE.eq(type.get().name()));
        }
        if (craft.isPresent()) {
            where = where.and(DSL.exists(DSL.selectOne()
                    .from(WORK_CREDITS)
                    .where(WORK_CREDITS.WORK_ID.eq(WORKS.ID))
                    .and(WORK_CREDITS.CRAFT.eq(craft.get().slug()))));
        }
        return cards(rows(
                where,
                new SortField<?>[] {WORKS.PUBLISHED_AT.desc(), WORKS.ID.desc()},
                size + 1,
                Math.max(0, page) * size));
    }

    /**
     * A member's works that this viewer may see by the works' rule, newest first (for the profile
     * page); others than the owner see them only once they play.
     */
    PageSlice<WorkCard> worksOf(MemberId owner, VisibilityRule.Viewer viewer, int page, int size) {
        Condition where = WORKS.OWNER_ID.eq(owner.value()).and(VisibilityRule.work(viewer));
        if (!owner.equals(viewer.id())) {
            where = where.and(WORKS.PLAYABLE.isTrue());
        }
        return PageSlice.of(
                cards(rows(
                        where,
                        new SortField<?>[] {WORKS.CREATED_AT.desc(), WORKS.ID.desc()},
                        size + 1,
                        PageSlice.offset(page, size))),
                page,
                size);
    }

    /** Of the given works, the owner's that anyone may watch, newest first (what an application may attach). */
    List<WorkCard> everyoneMayWatchAmong(MemberId owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return cards(rows(
                WORKS.OWNER_ID.eq(owner.value()).and(WORKS.ID.in(ids)).and(everyoneMayWatch()),
                new SortField<?>[] {WORKS.CREATED_AT.desc(), WORKS.ID.desc()},
                ids.size(),
                0));
    }

    /** What the visibility rule needs of a work, and whether it plays yet. */
    record Audience(
            long workId,
            MemberId owner,
            Visibility visibility,
            boolean playable,
            ModerationState state,
            Standing standing) {}

    Map<Long, Audience> audiences(Collection<Long> ids) {
        Map<Long, Audience> audiences = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return audiences;
        }
        dsl.select(
                        WORKS.ID,
                        WORKS.OWNER_ID,
                        WORKS.VISIBILITY,
                        WORKS.PLAYABLE,
                        WORKS.MODERATION_STATE,
                        WORKS.AUTHOR_STANDING)
                .from(WORKS)
                .where(WORKS.ID.in(ids))
                .and(WORKS.DELETED_AT.isNull()) // in the trash: seen by nobody
                .forEach(r -> audiences.put(
                        r.value1(),
                        new Audience(
                                r.value1(),
                                MemberId.of(r.value2()),
                                Visibility.valueOf(r.value3()),
                                r.value4(),
                                ModerationState.valueOf(r.value5()),
                                Standing.valueOf(r.value6()))));
        return audiences;
    }

    /** Cards of the given works, in no particular order. */
    List<WorkCard> cardsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return cards(rows(WORKS.ID.in(ids), new SortField<?>[] {WORKS.ID.desc()}, ids.size(), 0));
    }

    /** Confirmed credits of a member on works anyone may watch (others' works included), a page at a time. */
    PageSlice<CreditedWork> confirmedCreditsOf(MemberId member, int page, int size) {
        return PageSlice.of(confirmedCreditRows(member, size + 1, PageSlice.offset(page, size)), page, size);
    }

    private List<CreditedWork> confirmedCreditRows(MemberId member, int limit, int offset) {
        return dsl.select(WORKS.ID, WORKS.TITLE, WORKS.PRODUCTION_TYPE, WORKS.PRODUCTION_YEAR, WORK_CREDITS.CRAFT)
                .from(WORK_CREDITS)
                .join(WORKS)
                .on(WORKS.ID.eq(WORK_CREDITS.WORK_ID))
                .where(WORK_CREDITS.MEMBER_ID.eq(member.value()))
                .and(WORK_CREDITS.CONFIRMED.isTrue())
                .and(everyoneMayWatch())
                .orderBy(WORKS.PUBLISHED_AT.desc(), WORKS.ID.desc(), WORK_CREDITS.CRAFT)
                .limit(limit)
                .offset(offset)
                .fetch(r -> new CreditedWork(
                        r.value1(), r.value2(), ProductionType.valueOf(r.value3()), r.value4(), r.value5()));
    }

    private List<WorkCard> cards(List<Row> rows) {
        Map<MemberId, MemberSummary> owners = accounts.findMembers(
                rows.stream().map(r -> MemberId.of(r.owner())).toList());
        Map<Long, MediaStatus> statuses = media.statuses(
                rows.stream().map(Row::asset).filter(java.util.Objects::nonNull).toList());
        List<WorkCard> cards = new ArrayList<>();
        for (Row r : rows) {
            MemberSummary owner = owners.get(MemberId.of(r.owner()));
            MediaStatus status = r.asset() == null ? null : statuses.get(r.asset());
            cards.add(new WorkCard(
                    r.id(),
                    r.title(),
                    ProductionType.valueOf(r.type()),
                    r.year(),
                    MemberId.of(r.owner()),
                    owner == null ? null : owner.handle(),
                    owner == null ? null : owner.displayName(),
                    status != null && status.hasPoster(),
                    status == null ? null : status.durationSeconds(),
                    r.likes(),
                    r.published() == null ? null : r.published().toInstant(ZoneOffset.UTC),
                    r.mediaVersion()));
        }
        return cards;
    }
}
