package org.cinely.works;

import static org.cinely.works.jooq.Tables.WORKS;
import static org.cinely.works.jooq.Tables.WORK_AUTHOR_STANDINGS;
import static org.cinely.works.jooq.Tables.WORK_COMMENTS;

import java.time.Clock;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Authors' standings as moderation applies them: copied onto every work and comment of the member
 * in three statements (jOOQ: a bulk update, not a load of every row), and remembered so what they
 * write later starts with it.
 */
@Repository
class WorkStandings {

    private final DSLContext dsl;
    private final Clock clock;

    WorkStandings(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The member's standing as last applied (ACTIVE when none was). */
    Standing of(MemberId member) {
        return dsl.select(WORK_AUTHOR_STANDINGS.STANDING)
                .from(WORK_AUTHOR_STANDINGS)
                .where(WORK_AUTHOR_STANDINGS.MEMBER_ID.eq(member.value()))
                .fetchOptional(WORK_AUTHOR_STANDINGS.STANDING)
                .map(Standing::valueOf)
                .orElse(Standing.ACTIVE);
    }

    /**
     * Applies the standing to everything the member wrote. A work whose reach narrows with it
     * (any change to a standing other than ACTIVE) gets new media URLs; its row version moves too,
     * so an edit form opened before fails its optimistic check instead of writing the old standing
     * back.
     */
    void apply(MemberId member, Standing standing) {
        dsl.insertInto(WORK_AUTHOR_STANDINGS)
                .set(WORK_AUTHOR_STANDINGS.MEMBER_ID, member.value())
                .set(WORK_AUTHOR_STANDINGS.STANDING, standing.name())
                .set(WORK_AUTHOR_STANDINGS.UPDATED_AT, Sql.utc(clock.instant()))
                .onDuplicateKeyUpdate()
                .set(WORK_AUTHOR_STANDINGS.STANDING, standing.name())
                .set(WORK_AUTHOR_STANDINGS.UPDATED_AT, Sql.utc(clock.instant()))
                .execute();
        // MySQL assigns left to right, each seeing the ones before: media_version first reads the
        // old standing.
        dsl.update(WORKS)
                .set(
                        WORKS.MEDIA_VERSION,
                        standing == Standing.ACTIVE
                                ? WORKS.MEDIA_VERSION
                                : DSL.when(WORKS.AUTHOR_STANDING.ne(standing.name()), WORKS.MEDIA_VERSION.plus(1))
                                        .otherwise(WORKS.MEDIA_VERSION))
                .set(WORKS.AUTHOR_STANDING, standing.name())
                .set(WORKS.VERSION, WORKS.VERSION.plus(1))
                .where(WORKS.OWNER_ID.eq(member.value()))
                .execute();
        dsl.update(WORK_COMMENTS)
                .set(WORK_COMMENTS.AUTHOR_STANDING, standing.name())
                .where(WORK_COMMENTS.AUTHOR_ID.eq(member.value()))
                .execute();
    }
}
