package org.cinely.moderation;

import static org.cinely.moderation.jooq.Tables.MODERATION_CASES;
import static org.cinely.moderation.jooq.Tables.MODERATION_REPORTS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.search.Sql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The moderators' queue: open cases, oldest first, with what their reports say. */
@Component
class CaseQueue {

    /** How old a case must be to show, as the filter offers it. */
    enum Age {
        ANY(Duration.ZERO),
        DAY(Duration.ofDays(1)),
        WEEK(Duration.ofDays(7)),
        MONTH(Duration.ofDays(30));

        final Duration atLeast;

        Age(Duration atLeast) {
            this.atLeast = atLeast;
        }
    }

    record Filter(ReportCategory category, ContentKind kind, Age age) {}

    record Row(
            long caseId,
            ContentRef target,
            MemberId author,
            ModerationCase.Reason reason,
            Instant openedAt,
            int openReports,
            List<ReportCategory> categories,
            MemberId assignedTo) {}

    record Page(List<Row> rows, int total) {}

    private final DSLContext dsl;
    private final Clock clock;

    CaseQueue(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page open(Filter filter, int page, int size) {
        Condition where = MODERATION_CASES.CLOSED_AT.isNull();
        if (filter.kind() != null) {
            where = where.and(MODERATION_CASES.TARGET_KIND.eq(filter.kind().name()));
        }
        if (filter.age() != null && filter.age() != Age.ANY) {
            where = where.and(
                    MODERATION_CASES.OPENED_AT.le(Sql.utc(clock.instant().minus(filter.age().atLeast))));
        }
        if (filter.category() != null) {
            where = where.and(exists(selectOne()
                    .from(MODERATION_REPORTS)
                    .where(MODERATION_REPORTS.CASE_ID.eq(MODERATION_CASES.ID))
                    .and(MODERATION_REPORTS.CATEGORY.eq(filter.category().name()))));
        }
        int total = dsl.fetchCount(MODERATION_CASES, where);
        var reports = MODERATION_REPORTS.as("r");
        var rows = dsl.select(
                        MODERATION_CASES.ID,
                        MODERATION_CASES.TARGET_KIND,
                        MODERATION_CASES.TARGET_ID,
                        MODERATION_CASES.AUTHOR_ID,
                        MODERATION_CASES.REASON,
                        MODERATION_CASES.OPENED_AT,
                        MODERATION_CASES.ASSIGNED_TO,
                        count(reports.ID))
                .from(MODERATION_CASES)
                .leftJoin(reports)
                .on(reports.CASE_ID.eq(MODERATION_CASES.ID).and(reports.RESOLVED_AT.isNull()))
                .where(where)
                .groupBy(MODERATION_CASES.ID)
                .orderBy(MODERATION_CASES.OPENED_AT, MODERATION_CASES.ID)
                .limit(size)
                .offset(page * size)
                .fetch(r -> new Row(
                        r.value1(),
                        new ContentRef(ContentKind.valueOf(r.value2()), r.value3()),
                        r.value4() == null ? null : MemberId.of(r.value4()),
                        ModerationCase.Reason.valueOf(r.value5()),
                        r.value6().toInstant(ZoneOffset.UTC),
                        r.value8(),
                        List.of(),
                        r.value7() == null ? null : MemberId.of(r.value7())));
        // The categories of each case's open reports, in one more query for the page.
        var categories = dsl.selectDistinct(MODERATION_REPORTS.CASE_ID, MODERATION_REPORTS.CATEGORY)
                .from(MODERATION_REPORTS)
                .where(MODERATION_REPORTS.CASE_ID.in(
                        rows.stream().map(Row::caseId).toList()))
                .and(MODERATION_REPORTS.RESOLVED_AT.isNull())
                .fetchGroups(MODERATION_REPORTS.CASE_ID, r -> ReportCategory.valueOf(r.value2()));
        List<Row> withCategories = rows.stream()
                .map(row -> new Row(
                        row.caseId(),
                        row.target(),
                        row.author(),
                        row.reason(),
                        row.openedAt(),
                        row.openReports(),
                        categories.getOrDefault(row.caseId(), List.of()).stream()
                                .sorted()
                                .toList(),
                        row.assignedTo()))
                .toList();
        return new Page(withCategories, total);
    }

    @Transactional(readOnly = true)
    int openCount() {
        return dsl.fetchCount(MODERATION_CASES, MODERATION_CASES.CLOSED_AT.isNull());
    }
}
