package org.cinely.jobs;

import static org.cinely.jobs.jooq.Tables.JOB_APPLICATIONS;
import static org.cinely.jobs.jooq.Tables.JOB_LISTINGS;
import static org.cinely.jobs.jooq.Tables.JOB_SEARCH;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.jobs.JobTypes.ApplicationStatus;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.ProductionType;
import org.cinely.platform.demo.DemoData;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Fills the demo job board (demo/jobs.tsv) after accounts (10) and profiles (20): listings go
 * through the same rules as the posting form, applications through the same rules as applying,
 * and decisions through the poster's pipeline. Runs once, on a board with no listings.
 */
@Component
@Order(30)
class DemoJobs implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoJobs.class);

    private final DemoData demo;
    private final AccountsApi accounts;
    private final JobPostings jobs;
    private final JobApplications applications;
    private final DSLContext dsl;

    DemoJobs(DemoData demo, AccountsApi accounts, JobPostings jobs, JobApplications applications, DSLContext dsl) {
        this.demo = demo;
        this.accounts = accounts;
        this.jobs = jobs;
        this.applications = applications;
        this.dsl = dsl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || dsl.fetchExists(JOB_LISTINGS)) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int listings = 0;
        for (DemoData.DemoJob job : demo.jobs()) {
            MemberSummary poster = accounts.findByHandle(job.poster()).orElse(null);
            if (poster == null) {
                continue;
            }
            JobForm form = new JobForm(
                    job.title(),
                    job.crafts(),
                    job.production(),
                    ProductionType.valueOf(job.productionType()),
                    job.company(),
                    job.city(),
                    job.country(),
                    job.remote(),
                    today.plusDays(job.startInDays()),
                    today.plusDays(job.startInDays() + job.lengthDays() - 1L),
                    Compensation.valueOf(job.compensation()),
                    job.amount().isBlank() ? null : new BigDecimal(job.amount()),
                    job.unit().isBlank() ? null : PayUnit.valueOf(job.unit()),
                    job.currency(),
                    UnionStatus.valueOf(job.union()),
                    job.description(),
                    true,
                    true,
                    true,
                    job.deadlineInDays() == null ? null : today.plusDays(job.deadlineInDays()),
                    JobListing.DEFAULT_RUN_DAYS);
            var errors = new BeanPropertyBindingResult(form, "jobForm");
            var listing = jobs.post(poster.id(), form, errors);
            if (listing.isEmpty()) {
                log.warn("Demo listing '{}' was refused: {}", job.title(), errors.getAllErrors());
                continue;
            }
            long id = listing.get().getId();
            listings++;
            for (DemoData.DemoApplication demoApplication : job.applicants()) {
                accounts.findByHandle(demoApplication.handle()).ifPresent(applicant -> {
                    ApplyForm apply = new ApplyForm(demoApplication.coverNote(), List.of());
                    var applyErrors = new BeanPropertyBindingResult(apply, "form");
                    applications
                            .apply(id, applicant.id(), true, apply, applyErrors)
                            .ifPresent(application -> {
                                ApplicationStatus status = ApplicationStatus.fromSlug(demoApplication.status());
                                if (status != null && status != ApplicationStatus.NEW) {
                                    applications.changeStatus(id, List.of(application.getId()), status, poster.id());
                                }
                            });
                });
            }
            // Spread the listings over the last two weeks, as a real board would be.
            backdate(id, jobs.now().minus(java.time.Duration.ofDays(job.postedDaysAgo())));
        }
        log.info("Demo job board seeded with {} listings", listings);
    }

    /**
     * Moves a listing's posting time into the past, with its applications: on the listing (the date
     * the board shows) and on its search row (the order "Newest" and "posted within" read), so the
     * two always agree.
     */
    void backdate(long id, java.time.Instant posted) {
        var postedAt = Sql.utc(posted);
        dsl.update(JOB_LISTINGS)
                .set(JOB_LISTINGS.CREATED_AT, postedAt)
                .where(JOB_LISTINGS.ID.eq(id))
                .execute();
        dsl.update(JOB_SEARCH)
                .set(JOB_SEARCH.CREATED_AT, postedAt)
                .where(JOB_SEARCH.JOB_ID.eq(id))
                .execute();
        dsl.update(JOB_APPLICATIONS)
                .set(JOB_APPLICATIONS.CREATED_AT, postedAt.plusHours(6))
                .where(JOB_APPLICATIONS.JOB_ID.eq(id))
                .execute();
    }
}
