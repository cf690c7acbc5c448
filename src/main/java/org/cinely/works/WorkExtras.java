package org.cinely.works;

import static org.cinely.works.jooq.Tables.WORKS;
import static org.cinely.works.jooq.Tables.WORK_COMMENTS;
import static org.cinely.works.jooq.Tables.WORK_CREDITS;
import static org.cinely.works.jooq.Tables.WORK_LIKES;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.search.Sql;
import org.cinely.works.jooq.tables.records.WorkCommentsRecord;
import org.cinely.works.jooq.tables.records.WorkCreditsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits, likes and comments in jOOQ: small rows read in one query per page and changed one at a
 * time, with the counters on works recounted in the same transaction.
 */
@Repository
class WorkExtras {

    public record Credit(long id, long workId, MemberId member, String craft, boolean confirmed) {}

    public record Comment(
            long id,
            long workId,
            MemberId author,
            String body,
            Instant createdAt,
            Instant editedAt,
            ModerationState state,
            Standing standing) {}

    private final DSLContext dsl;
    private final Clock clock;

    WorkExtras(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return Sql.utc(clock.instant());
    }

    List<Credit> credits(long workId) {
        return dsl.selectFrom(WORK_CREDITS)
                .where(WORK_CREDITS.WORK_ID.eq(workId))
                .orderBy(WORK_CREDITS.ID)
                .fetch(WorkExtras::credit);
    }

    Optional<Credit> credit(long creditId) {
        return dsl.selectFrom(WORK_CREDITS).where(WORK_CREDITS.ID.eq(creditId)).fetchOptional(WorkExtras::credit);
    }

    private static Credit credit(WorkCreditsRecord r) {
        return new Credit(r.getId(), r.getWorkId(), MemberId.of(r.getMemberId()), r.getCraft(), r.getConfirmed());
    }

    /** Adds a credit unless it exists; returns its id when it is new. */
    @Transactional
    Optional<Long> addCredit(long workId, MemberId member, String craft, boolean confirmed) {
        // INSERT IGNORE on the credit's key: the same form sent twice at once adds it once.
        int inserted = dsl.insertInto(WORK_CREDITS)
                .set(WORK_CREDITS.WORK_ID, workId)
                .set(WORK_CREDITS.MEMBER_ID, member.value())
                .set(WORK_CREDITS.CRAFT, craft)
                .set(WORK_CREDITS.CONFIRMED, confirmed)
                .set(WORK_CREDITS.CREATED_AT, now())
                .onDuplicateKeyIgnore()
                .execute();
        return inserted > 0 ? Optional.of(insertedId()) : Optional.empty();
    }

    /**
     * The id the last insert on this connection made (the caller's transaction keeps the
     * connection). LAST_INSERT_ID(), not INSERT ... RETURNING: the MariaDB dialect renders
     * RETURNING, which Connector/J cannot run as a query.
     */
    private long insertedId() {
        return dsl.lastID().longValue();
    }

    void confirmCredit(long creditId) {
        dsl.update(WORK_CREDITS)
                .set(WORK_CREDITS.CONFIRMED, true)
                .where(WORK_CREDITS.ID.eq(creditId))
                .execute();
    }

    void removeCredit(long creditId) {
        dsl.deleteFrom(WORK_CREDITS).where(WORK_CREDITS.ID.eq(creditId)).execute();
    }

    void removeCreditsNotIn(long workId, List<Long> keep) {
        dsl.deleteFrom(WORK_CREDITS)
                .where(WORK_CREDITS.WORK_ID.eq(workId))
                .and(keep.isEmpty() ? DSL.trueCondition() : WORK_CREDITS.ID.notIn(keep))
                .execute();
    }

    /**
     * The credit's id as committed now: a locking read, so a credit another request added a
     * moment ago (a double submit) is seen, not missed by this transaction's snapshot.
     */
    Optional<Long> creditId(long workId, MemberId member, String craft) {
        return dsl.select(WORK_CREDITS.ID)
                .from(WORK_CREDITS)
                .where(WORK_CREDITS.WORK_ID.eq(workId))
                .and(WORK_CREDITS.MEMBER_ID.eq(member.value()))
                .and(WORK_CREDITS.CRAFT.eq(craft))
                .forShare()
                .fetchOptional(WORK_CREDITS.ID);
    }

    boolean liked(long workId, MemberId member) {
        return dsl.fetchExists(WORK_LIKES, WORK_LIKES.WORK_ID.eq(workId).and(WORK_LIKES.MEMBER_ID.eq(member.value())));
    }

    /**
     * Sets whether the member likes the work ({@code want}), or flips it ({@code want} null).
     * Returns whether anything changed. Safe under a double click: two likes at the same moment
     * insert one row (INSERT IGNORE on the pair's key), and the second reports no change.
     */
    boolean like(long workId, MemberId member, Boolean want) {
        boolean changed;
        if (Boolean.TRUE.equals(want)) {
            changed = insertLike(workId, member);
        } else {
            int removed = dsl.deleteFrom(WORK_LIKES)
                    .where(WORK_LIKES.WORK_ID.eq(workId))
                    .and(WORK_LIKES.MEMBER_ID.eq(member.value()))
                    .execute();
            changed = removed > 0 || (want == null && insertLike(workId, member));
        }
        if (changed) {
            dsl.update(WORKS)
                    .set(
                            WORKS.LIKE_COUNT,
                            DSL.select(DSL.count()).from(WORK_LIKES).where(WORK_LIKES.WORK_ID.eq(workId)))
                    .where(WORKS.ID.eq(workId))
                    .execute();
        }
        return changed;
    }

    private boolean insertLike(long workId, MemberId member) {
        return dsl.insertInto(WORK_LIKES)
                        .set(WORK_LIKES.WORK_ID, workId)
                        .set(WORK_LIKES.MEMBER_ID, member.value())
                        .set(WORK_LIKES.CREATED_AT, now())
                        .onDuplicateKeyIgnore()
                        .execute()
                > 0;
    }

    /** Whether the member likes it, as committed now (a locking read, not the transaction's snapshot). */
    boolean likesNow(long workId, MemberId member) {
        return dsl.selectOne()
                .from(WORK_LIKES)
                .where(WORK_LIKES.WORK_ID.eq(workId))
                .and(WORK_LIKES.MEMBER_ID.eq(member.value()))
                .forShare()
                .fetchOptional()
                .isPresent();
    }

    /** Holds the work's row for the rest of the transaction: writes about one work queue up behind it. */
    void lockWork(long workId) {
        dsl.select(WORKS.ID).from(WORKS).where(WORKS.ID.eq(workId)).forUpdate().fetchOptional();
    }

    /** The author's identical comment on the work from the last seconds, if any (a double submit). */
    Optional<Long> recentSameComment(long workId, MemberId author, String body, java.time.Duration within) {
        return dsl.select(WORK_COMMENTS.ID)
                .from(WORK_COMMENTS)
                .where(WORK_COMMENTS.WORK_ID.eq(workId))
                .and(WORK_COMMENTS.AUTHOR_ID.eq(author.value()))
                .and(WORK_COMMENTS.BODY.eq(body))
                .and(WORK_COMMENTS.CREATED_AT.ge(now().minus(within)))
                .orderBy(WORK_COMMENTS.ID.desc())
                .limit(1)
                .forUpdate()
                .fetchOptional(WORK_COMMENTS.ID);
    }

    List<Comment> comments(long workId) {
        return dsl.selectFrom(WORK_COMMENTS)
                .where(WORK_COMMENTS.WORK_ID.eq(workId))
                .orderBy(WORK_COMMENTS.CREATED_AT, WORK_COMMENTS.ID)
                .fetch(WorkExtras::comment);
    }

    Optional<Comment> comment(long commentId) {
        return dsl.selectFrom(WORK_COMMENTS)
                .where(WORK_COMMENTS.ID.eq(commentId))
                .fetchOptional(WorkExtras::comment);
    }

    /** The given comments, in any state, in one query. */
    List<Comment> comments(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(WORK_COMMENTS)
                .where(WORK_COMMENTS.ID.in(commentIds))
                .fetch(WorkExtras::comment);
    }

    private static Comment comment(WorkCommentsRecord r) {
        return new Comment(
                r.getId(),
                r.getWorkId(),
                MemberId.of(r.getAuthorId()),
                r.getBody(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC),
                r.getEditedAt() == null ? null : r.getEditedAt().toInstant(ZoneOffset.UTC),
                ModerationState.valueOf(r.getModerationState()),
                Standing.valueOf(r.getAuthorStanding()));
    }

    /** Adds a comment with its author's standing and returns its id. */
    @Transactional
    long addComment(long workId, MemberId author, Standing standing, String body) {
        dsl.insertInto(WORK_COMMENTS)
                .set(WORK_COMMENTS.WORK_ID, workId)
                .set(WORK_COMMENTS.AUTHOR_ID, author.value())
                .set(WORK_COMMENTS.BODY, body)
                .set(WORK_COMMENTS.AUTHOR_STANDING, standing.name())
                .set(WORK_COMMENTS.CREATED_AT, now())
                .execute();
        long id = insertedId();
        countComments(workId);
        return id;
    }

    void editComment(long commentId, String body) {
        dsl.update(WORK_COMMENTS)
                .set(WORK_COMMENTS.BODY, body)
                .set(WORK_COMMENTS.EDITED_AT, now())
                .where(WORK_COMMENTS.ID.eq(commentId))
                .execute();
    }

    /** A moderator's decision on a comment; false when it does not exist. */
    boolean moderateComment(long commentId, ModerationState state) {
        return dsl.update(WORK_COMMENTS)
                        .set(WORK_COMMENTS.MODERATION_STATE, state.name())
                        .where(WORK_COMMENTS.ID.eq(commentId))
                        .execute()
                == 1;
    }

    void deleteComment(long workId, long commentId) {
        dsl.deleteFrom(WORK_COMMENTS).where(WORK_COMMENTS.ID.eq(commentId)).execute();
        countComments(workId);
    }

    private void countComments(long workId) {
        dsl.update(WORKS)
                .set(
                        WORKS.COMMENT_COUNT,
                        DSL.select(DSL.count()).from(WORK_COMMENTS).where(WORK_COMMENTS.WORK_ID.eq(workId)))
                .where(WORKS.ID.eq(workId))
                .execute();
    }
}
