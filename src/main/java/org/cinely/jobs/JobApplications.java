package org.cinely.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cinely.connections.ConnectionsApi;
import org.cinely.jobs.JobTypes.ApplicationStatus;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * Applying to listings and moving applications through the poster's pipeline. An application
 * registers its own status changes ({@link ApplicationStatusChanged}); a listing or application
 * that is not the member's to see is "not found".
 */
@Service
class JobApplications {

    private final JobPostings postings;
    private final JobApplicationRepository applications;
    private final ApplicantPortfolio portfolio;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ConnectionsApi connections;
    private final ListingAccess access;

    JobApplications(
            JobPostings postings,
            JobApplicationRepository applications,
            ApplicantPortfolio portfolio,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ConnectionsApi connections,
            ListingAccess access) {
        this.postings = postings;
        this.applications = applications;
        this.portfolio = portfolio;
        this.events = events;
        this.transactions = transactions;
        this.connections = connections;
        this.access = access;
    }

    // --- applying -------------------------------------------------------------------------

    /** Why this member may not apply to this listing right now, as a message key; empty if they may. */
    @Transactional(readOnly = true)
    Optional<String> whyNotApply(JobListing listing, MemberId member, boolean verified) {
        Instant now = postings.now();
        if (listing.isPostedBy(member)) {
            return Optional.of("application.refused.own");
        }
        ListingState state = listing.state(now);
        if (state == ListingState.CLOSED) {
            return Optional.of("application.refused.closed");
        }
        if (state == ListingState.EXPIRED) {
            return Optional.of("application.refused.expired");
        }
        if (listing.pastDeadline(now)) {
            return Optional.of("application.refused.deadline");
        }
        if (member != null) {
            Optional<JobApplication> existing = applications.findByJobIdAndApplicantId(listing.getId(), member.value());
            if (existing.isPresent() && existing.get().getStatus() != ApplicationStatus.WITHDRAWN) {
                return Optional.of("application.refused.twice");
            }
        }
        if (member != null && !verified) {
            return Optional.of("application.refused.unverified");
        }
        if (member != null && !access.visible(listing, member, false)) {
            return Optional.of("application.refused.unavailable");
        }
        if (member != null && connections.blockedEitherWay(listing.getPoster(), member)) {
            return Optional.of("application.refused.blocked");
        }
        return Optional.empty();
    }

    /**
     * Applies (or applies again after withdrawing). A refusal is a global error with the reason;
     * a form problem is a field error.
     *
     * <p>The same member's two applications may arrive together (a double click, two tabs). Both
     * pass the "applied already?" check; the unique key on (listing, applicant) or the version of a
     * withdrawn application lets one through. The other's failed write marks its transaction
     * rollback-only, so it is handled here, after that transaction ended: when an application by
     * the member is there now, the answer is the usual "you have already applied", and no second
     * {@link ApplicationSubmitted} is published.
     */
    Optional<JobApplication> apply(long jobId, MemberId member, boolean verified, ApplyForm form, Errors errors) {
        try {
            return transactions.execute(status -> applyOnce(jobId, member, verified, form, errors));
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException raced) {
            if (applicationOf(jobId, member)
                    .filter(a -> a.getStatus() != ApplicationStatus.WITHDRAWN)
                    .isEmpty()) {
                throw raced;
            }
            errors.reject("application.refused.twice");
            return Optional.empty();
        }
    }

    private Optional<JobApplication> applyOnce(
            long jobId, MemberId member, boolean verified, ApplyForm form, Errors errors) {
        JobListing listing = postings.listing(jobId);
        Optional<String> refusal = whyNotApply(listing, member, verified);
        if (refusal.isPresent()) {
            errors.reject(refusal.get());
            return Optional.empty();
        }
        String note = form.coverNote() == null ? "" : form.coverNote().strip();
        if (listing.isWantsCoverNote() && note.isEmpty()) {
            errors.rejectValue("coverNote", "application.form.coverNote.required");
        }
        List<Long> chosen = form.chosenWorks();
        if (chosen.size() > 5) {
            errors.rejectValue("workIds", "application.form.works.too-many");
        } else if (portfolio.works(member, chosen).size() != chosen.size()) {
            errors.rejectValue("workIds", "application.form.works.unknown");
        } else if (listing.isWantsReel()
                && chosen.isEmpty()
                && !portfolio.shareableWorks(member).isEmpty()) {
            errors.rejectValue("workIds", "application.form.works.reel-wanted");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        ApplicantPortfolio.Applicant applicant =
                portfolio.applicant(member).orElseThrow(() -> new NotFoundException("member " + member));
        Instant now = postings.now();
        Optional<JobApplication> withdrawn = applications.findByJobIdAndApplicantId(jobId, member.value());
        JobApplication application;
        if (withdrawn.isPresent()) {
            application = withdrawn.get();
            application.resubmit(applicant, note, chosen, now);
            // Written now, so a resubmission that lost to another (its version) fails before the event.
            applications.flush();
        } else {
            application = applications.saveAndFlush(new JobApplication(jobId, applicant, note, chosen, now));
        }
        events.publishEvent(new ApplicationSubmitted(
                application.getId(), listing.jobId(), member, listing.getPoster(), listing.getTitle()));
        return Optional.of(application);
    }

    @Transactional(readOnly = true)
    Optional<JobApplication> applicationOf(long jobId, MemberId member) {
        if (member == null) {
            return Optional.empty();
        }
        return applications.findByJobIdAndApplicantId(jobId, member.value());
    }

    /** Withdraws the member's own application before a decision; false if already decided. */
    @Transactional
    boolean withdraw(long jobId, MemberId member) {
        JobApplication application = applications
                .findByJobIdAndApplicantId(jobId, member.value())
                .filter(a -> a.getStatus() != ApplicationStatus.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("application to " + jobId));
        if (!application.withdrawable()) {
            return false;
        }
        application.withdraw(postings.listing(jobId), postings.now());
        applications.save(application); // publishes ApplicationStatusChanged
        return true;
    }

    /** How long a withdrawal can be undone (afterwards the member applies again). */
    static final java.time.Duration UNDO_WITHDRAWAL = java.time.Duration.ofDays(30);

    /**
     * Undoes the member's own withdrawal within {@link #UNDO_WITHDRAWAL}: the application is back
     * as it was, if the listing still takes applications from them (the same rules as applying);
     * otherwise the reason, as a message key. Someone else's, or none, is "not found".
     */
    @Transactional
    Optional<String> undoWithdraw(long jobId, MemberId member, boolean verified) {
        JobApplication application = applications
                .findByJobIdAndApplicantId(jobId, member.value())
                .filter(a -> a.getStatus() == ApplicationStatus.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("withdrawn application to " + jobId));
        Instant now = postings.now();
        if (application.withdrawnAt().isBefore(now.minus(UNDO_WITHDRAWAL))) {
            return Optional.of("application.undo.too-late");
        }
        JobListing listing = postings.listing(jobId);
        Optional<String> refusal = whyNotApply(listing, member, verified);
        if (refusal.isPresent()) {
            return refusal;
        }
        application.undoWithdraw(listing, now);
        applications.save(application); // publishes ApplicationStatusChanged (withdrawn -> new)
        return Optional.empty();
    }

    // --- the poster's side ----------------------------------------------------------------

    /** An application to the poster's own listing; 404 for anyone else or a withdrawn one. */
    @Transactional(readOnly = true)
    JobApplication applicationForPoster(long jobId, long applicationId, MemberId poster) {
        postings.ownListing(jobId, poster);
        return applications
                .findByIdAndJobId(applicationId, jobId)
                .filter(a -> a.getStatus() != ApplicationStatus.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("application " + applicationId));
    }

    /** Moves applications of the poster's own listing; ids of other listings are ignored. */
    @Transactional
    int changeStatus(long jobId, List<Long> applicationIds, ApplicationStatus to, MemberId poster) {
        if (to == null || !to.decidable()) {
            throw new NotFoundException("status");
        }
        JobListing listing = postings.ownListing(jobId, poster);
        if (applicationIds == null || applicationIds.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (JobApplication application : applications.findByJobIdAndIdIn(jobId, applicationIds)) {
            if (application.getStatus() == ApplicationStatus.WITHDRAWN || application.getStatus() == to) {
                continue;
            }
            application.changeStatus(to, listing, postings.now());
            applications.save(application); // publishes ApplicationStatusChanged
            changed++;
        }
        return changed;
    }

    @Transactional
    void notePrivately(long jobId, long applicationId, MemberId poster, String note) {
        applicationForPoster(jobId, applicationId, poster).notePrivately(note, postings.now());
    }
}
