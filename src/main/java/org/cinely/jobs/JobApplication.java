package org.cinely.jobs;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cinely.jobs.JobTypes.ApplicationStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.hibernate.annotations.BatchSize;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One member's application to one listing, and where the poster has put it. The applicant's
 * handle, name, headline and crafts are a snapshot taken when they applied (what the poster
 * judged); a later rename does not change them. Links to the applicant's profile use their handle
 * as it is now (see the applicant page), since an old handle may belong to someone else by then.
 */
@Entity
@Table(name = "job_applications")
class JobApplication extends AbstractAggregateRoot<JobApplication> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long jobId;
    private Long applicantId;
    private String applicantHandle;
    private String applicantName;
    private String applicantHeadline;
    private String applicantCrafts;
    private String coverNote;
    private int workCount;

    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;

    private String posterNote;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant decidedAt;

    @Version
    private long version;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "job_application_works", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    @Column(name = "work_id")
    private List<Long> workIds = new ArrayList<>();

    protected JobApplication() {}

    JobApplication(
            long jobId, ApplicantPortfolio.Applicant applicant, String coverNote, List<Long> workIds, Instant now) {
        this.jobId = jobId;
        this.applicantId = applicant.id().value();
        this.status = ApplicationStatus.NEW;
        this.createdAt = now;
        resubmit(applicant, coverNote, workIds, now);
    }

    /** A withdrawn application sent again: the poster sees it as new. */
    void resubmit(ApplicantPortfolio.Applicant applicant, String coverNote, List<Long> workIds, Instant now) {
        this.applicantHandle = applicant.handle();
        this.applicantName = applicant.displayName();
        this.applicantHeadline = applicant.headline();
        this.applicantCrafts =
                String.join(",", applicant.crafts().stream().map(Craft::slug).toList());
        this.coverNote = coverNote == null ? "" : coverNote.strip();
        this.workIds.clear();
        this.workIds.addAll(workIds);
        this.workCount = workIds.size();
        this.status = ApplicationStatus.NEW;
        this.decidedAt = null;
        this.updatedAt = now;
    }

    /**
     * The poster moves the application; the applicant will hear of it ({@link
     * ApplicationStatusChanged}, published when the application is saved).
     */
    ApplicationStatus changeStatus(ApplicationStatus to, JobListing listing, Instant now) {
        ApplicationStatus from = status;
        this.status = to;
        this.decidedAt = to == ApplicationStatus.NEW ? null : now;
        this.updatedAt = now;
        registerStatusChange(listing, from, to);
        return from;
    }

    /** The applicant takes the application back (published when the application is saved). */
    void withdraw(JobListing listing, Instant now) {
        ApplicationStatus from = status;
        this.status = ApplicationStatus.WITHDRAWN;
        this.updatedAt = now;
        registerStatusChange(listing, from, ApplicationStatus.WITHDRAWN);
    }

    /**
     * The applicant's undo of a withdrawal: the same application is back as it was sent (cover
     * note, works), as new. The poster was told of it when it came, and is not told again.
     */
    void undoWithdraw(JobListing listing, Instant now) {
        this.status = ApplicationStatus.NEW;
        this.decidedAt = null;
        this.updatedAt = now;
        registerStatusChange(listing, ApplicationStatus.WITHDRAWN, ApplicationStatus.NEW);
    }

    /** When it was withdrawn (a withdrawn application changes no more until it is sent again). */
    Instant withdrawnAt() {
        return status == ApplicationStatus.WITHDRAWN ? updatedAt : null;
    }

    private void registerStatusChange(JobListing listing, ApplicationStatus from, ApplicationStatus to) {
        registerEvent(new ApplicationStatusChanged(
                id,
                listing.jobId(),
                getApplicant(),
                listing.getPoster(),
                listing.getTitle(),
                from.slug(),
                to.slug(),
                updatedAt));
    }

    void notePrivately(String note, Instant now) {
        this.posterNote = note == null || note.isBlank() ? null : note.strip();
        this.updatedAt = now;
    }

    boolean isBy(MemberId member) {
        return member != null && applicantId.equals(member.value());
    }

    /** The applicant may withdraw while nobody has decided. */
    boolean withdrawable() {
        return status == ApplicationStatus.NEW;
    }

    Long getId() {
        return id;
    }

    Long getJobId() {
        return jobId;
    }

    MemberId getApplicant() {
        return MemberId.of(applicantId);
    }

    String getApplicantHandle() {
        return applicantHandle;
    }

    String getApplicantName() {
        return applicantName;
    }

    String getApplicantHeadline() {
        return applicantHeadline;
    }

    List<Craft> getApplicantCrafts() {
        if (applicantCrafts == null || applicantCrafts.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(applicantCrafts.split(","))
                .map(Craft::fromSlug)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    String getCoverNote() {
        return coverNote;
    }

    ApplicationStatus getStatus() {
        return status;
    }

    String getPosterNote() {
        return posterNote;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    List<Long> getWorkIds() {
        return workIds;
    }
}
