package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_APPLICATIONS;
import static org.cinely.jobs.jooq.Tables.JOB_APPLICATION_WORKS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.platform.demo.DemoData;
import org.cinely.works.WorkPublished;
import org.cinely.works.WorksApi;
import org.jooq.DSLContext;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The demo board's applicants show reels: the demo reels are made in the background after the
 * board was seeded (applications can only carry works that are already watchable), so when a demo
 * member's public work becomes watchable, it is added to their demo applications that carry no work
 * yet. Only applications of a demo member (a handle from demo/members.tsv) to a demo member's
 * listing; everything else is left as its applicant sent it.
 */
@Component
class DemoReelApplications {

    private final DemoData demo;
    private final AccountsApi accounts;
    private final WorksApi works;
    private final DSLContext dsl;
    private volatile Set<String> demoHandles;

    DemoReelApplications(DemoData demo, AccountsApi accounts, WorksApi works, DSLContext dsl) {
        this.demo = demo;
        this.accounts = accounts;
        this.works = works;
        this.dsl = dsl;
    }

    @ApplicationModuleListener
    void on(WorkPublished event) {
        boolean demoMember = accounts.findMember(event.owner())
                .map(MemberSummary::handle)
                .filter(handles()::contains)
                .isPresent();
        // The same rule as applying: only a work anyone may watch goes with an application.
        if (!demoMember
                || works.everyoneMayWatchAmong(event.owner(), List.of(event.workId()))
                        .isEmpty()) {
            return;
        }
        List<Long> applications = dsl
                .select(JOB_APPLICATIONS.ID)
                .from(JOB_APPLICATIONS)
                .join(JOB_LISTINGS)
                .on(JOB_LISTINGS.ID.eq(JOB_APPLICATIONS.JOB_ID))
                .where(JOB_APPLICATIONS.APPLICANT_ID.eq(event.owner().value()))
                .and(JOB_APPLICATIONS.WORK_COUNT.eq(0))
                .fetch(JOB_APPLICATIONS.ID)
                .stream()
                .filter(id -> posterIsDemoMember(id))
                .toList();
        for (long application : applications) {
            dsl.insertInto(JOB_APPLICATION_WORKS)
                    .set(JOB_APPLICATION_WORKS.APPLICATION_ID, application)
                    .set(JOB_APPLICATION_WORKS.WORK_ID, event.workId())
                    .set(JOB_APPLICATION_WORKS.POSITION, 0)
                    .onDuplicateKeyIgnore()
                    .execute();
            dsl.update(JOB_APPLICATIONS)
                    .set(JOB_APPLICATIONS.WORK_COUNT, 1)
                    .where(JOB_APPLICATIONS.ID.eq(application))
                    .and(JOB_APPLICATIONS.WORK_COUNT.eq(0))
                    .execute();
        }
    }

    private boolean posterIsDemoMember(long application) {
        Long poster = dsl.select(JOB_LISTINGS.POSTER_ID)
                .from(JOB_LISTINGS)
                .join(JOB_APPLICATIONS)
                .on(JOB_APPLICATIONS.JOB_ID.eq(JOB_LISTINGS.ID))
                .where(JOB_APPLICATIONS.ID.eq(application))
                .fetchOne(JOB_LISTINGS.POSTER_ID);
        return poster != null
                && accounts.findMember(org.cinely.platform.MemberId.of(poster))
                        .map(MemberSummary::handle)
                        .filter(handles()::contains)
                        .isPresent();
    }

    private Set<String> handles() {
        if (demoHandles == null) {
            demoHandles =
                    demo.members().stream().map(DemoData.DemoMember::handle).collect(Collectors.toUnmodifiableSet());
        }
        return demoHandles;
    }
}
