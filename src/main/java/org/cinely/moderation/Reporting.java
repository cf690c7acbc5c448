package org.cinely.moderation;

import static org.cinely.moderation.jooq.Tables.MODERATION_CASES;

import java.time.Clock;
import java.time.Duration;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.ContentHeldForReview;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.search.Sql;
import org.cinely.platform.security.RateLimiter;
import org.jooq.DSLContext;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' reports, gathered into one open case per item (created by the first report, joined by
 * the rest), and the cases for items held for review. One open report per member per item and
 * 20 reports a day per member.
 */
@Service
class Reporting {

    static final RateLimiter.Limit REPORTS = new RateLimiter.Limit("report", 20, Duration.ofDays(1));

    private final CaseRepository cases;
    private final ReportRepository reports;
    private final Contents contents;
    private final RateLimiter rateLimiter;
    private final DSLContext dsl;
    private final Clock clock;

    Reporting(
            CaseRepository cases,
            ReportRepository reports,
            Contents contents,
            RateLimiter rateLimiter,
            DSLContext dsl,
            Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.contents = contents;
        this.rateLimiter = rateLimiter;
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Files a report.
     *
     * @throws NotFoundException when the item does not exist
     * @throws Refused when it is the reporter's own, or they already have an open report on it
     * @throws org.cinely.platform.security.RateLimitExceededException beyond 20 a day
     */
    @Transactional
    Report report(MemberId reporter, ContentRef target, ReportCategory category, String note) {
        ContentSnapshot content = contents.snapshot(target).orElseThrow(() -> new NotFoundException("content"));
        if (reporter.equals(content.author())) {
            throw new Refused(Refused.Why.OWN_CONTENT);
        }
        if (reports.existsByOpenKey(Report.openKey(reporter, target))) {
            throw new Refused(Refused.Why.ALREADY_REPORTED);
        }
        rateLimiter.acquire(REPORTS, "member:" + reporter.value());
        ModerationCase open = openCase(target, content.author(), ModerationCase.Reason.REPORTED);
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        // A double submit racing past the check above hits the unique open key and is turned into
        // ALREADY_REPORTED by the caller.
        return reports.saveAndFlush(new Report(open.getId(), reporter, target, category, trimmed, clock.instant()));
    }

    /** A new member's first item waits in the queue. */
    @ApplicationModuleListener
    void on(ContentHeldForReview event) {
        openCase(event.ref(), event.author(), ModerationCase.Reason.HELD);
    }

    /** The open case of the item, made if there is none (two reporters at once get the same one). */
    private ModerationCase openCase(ContentRef target, MemberId author, ModerationCase.Reason reason) {
        String key = ModerationCase.openKey(target);
        dsl.insertInto(MODERATION_CASES)
                .set(MODERATION_CASES.TARGET_KIND, target.kind().name())
                .set(MODERATION_CASES.TARGET_ID, target.id())
                .set(MODERATION_CASES.AUTHOR_ID, author == null ? null : author.value())
                .set(MODERATION_CASES.REASON, reason.name())
                .set(MODERATION_CASES.OPEN_KEY, key)
                .set(MODERATION_CASES.OPENED_AT, Sql.utc(clock.instant()))
                .onDuplicateKeyIgnore()
                .execute();
        return cases.findByOpenKey(key).orElseThrow();
    }
}
