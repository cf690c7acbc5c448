package org.cinely.jobs;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.CraftSlugConverter;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.hibernate.annotations.BatchSize;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A call for crew. Open until the poster closes it or it passes its expiry. It registers its own
 * events where its state changes (an edit, a close), published when it is saved.
 *
 * <p>Over 300 lines because it maps the listing's two dozen columns, each with its accessor; the
 * behaviour is short and belongs beside the fields it changes.
 */
@Entity
@Table(name = "job_listings")
class JobListing extends AbstractAggregateRoot<JobListing> {

    static final int DEFAULT_RUN_DAYS = 30;
    static final int MAX_RUN_DAYS = 90;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long posterId;
    private String title;
    private String productionTitle;

    @Enumerated(EnumType.STRING)
    private ProductionType productionType;

    private String company;
    private String locationCity;
    private String locationCountry;
    private boolean remote;
    private LocalDate startDate;
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    private Compensation compensation;

    private BigDecimal payAmount;

    @Enumerated(EnumType.STRING)
    private PayUnit payUnit;

    private String payCurrency;

    @Enumerated(EnumType.STRING)
    private UnionStatus unionStatus;

    private String description;
    private boolean wantsReel;
    private boolean wantsCredits;
    private boolean wantsCoverNote;
    private LocalDate applicationDeadline;
    private String status;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant expiresAt;
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    private ModerationState moderationState = ModerationState.VISIBLE;

    @Enumerated(EnumType.STRING)
    private Standing posterStanding = Standing.ACTIVE;

    @Version
    private long version;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "job_listing_crafts", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    @Column(name = "craft")
    @Convert(converter = CraftSlugConverter.class)
    private List<Craft> crafts = new ArrayList<>();

    protected JobListing() {}

    JobListing(MemberId poster, JobForm form, Instant now) {
        this.posterId = poster.value();
        this.status = "OPEN";
        this.createdAt = now;
        int days = form.runsForDays() == null ? DEFAULT_RUN_DAYS : form.runsForDays();
        this.expiresAt = now.plus(Duration.ofDays(days));
        apply(form, now);
    }

    /** The poster's edit: the form's fields, announced as {@link JobEdited}. */
    void edit(JobForm form, Instant now) {
        apply(form, now);
        registerEvent(new JobEdited(jobId(), getPoster(), title));
    }

    /** Copies the form's fields (edit and create); expiry is changed only by extend. */
    private void apply(JobForm form, Instant now) {
        this.title = form.title().strip();
        this.productionTitle = form.productionTitle().strip();
        this.productionType = form.productionType();
        this.company = form.company().strip();
        this.locationCity = JobForm.blankToNull(form.city());
        this.locationCountry = JobForm.blankToNull(form.country());
        this.remote = form.remote();
        this.startDate = form.startDate();
        this.endDate = form.endDate();
        this.compensation = form.compensation();
        boolean paid = form.compensation() == Compensation.PAID;
        this.payAmount = paid ? form.payAmount() : null;
        this.payUnit = paid ? form.payUnit() : null;
        this.payCurrency = paid ? form.payCurrency().strip().toUpperCase(java.util.Locale.ROOT) : null;
        this.unionStatus = form.unionStatus();
        this.description = form.description().strip();
        this.wantsReel = form.wantsReel();
        this.wantsCredits = form.wantsCredits();
        this.wantsCoverNote = form.wantsCoverNote();
        this.applicationDeadline = form.applicationDeadline();
        this.crafts.clear();
        this.crafts.addAll(form.craftList());
        this.updatedAt = now;
    }

    ListingState state(Instant now) {
        return state(status, expiresAt, now);
    }

    /** The rule of {@link #state(Instant)} on a listing's fields as read from a row. */
    static ListingState state(String status, Instant expiresAt, Instant now) {
        if ("CLOSED".equals(status)) {
            return ListingState.CLOSED;
        }
        return now.isBefore(expiresAt) ? ListingState.OPEN : ListingState.EXPIRED;
    }

    /** Past the deadline once the deadline day (UTC) is over. */
    boolean pastDeadline(Instant now) {
        return applicationDeadline != null
                && now.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(applicationDeadline);
    }

    /**
     * The one rule for who may see this listing: its poster (unless removed) and moderators always;
     * others while it is visible and its poster's standing does not hide it, a limited poster's
     * listings only their connections ({@code connected}: the viewer is connected to the poster).
     */
    boolean visibleTo(MemberId viewer, boolean moderator, boolean connected) {
        return visibleTo(getPoster(), moderationState, posterStanding, viewer, moderator, connected);
    }

    /** The rule of {@link #visibleTo(MemberId, boolean, boolean)} on a listing's fields as read from a row. */
    static boolean visibleTo(
            MemberId poster,
            ModerationState moderationState,
            Standing posterStanding,
            MemberId viewer,
            boolean moderator,
            boolean connected) {
        if (moderator) {
            return true;
        }
        if (poster.equals(viewer)) {
            return moderationState.visibleToAuthor();
        }
        if (!moderationState.reachesOthers() || posterStanding.hidesContent()) {
            return false;
        }
        return !posterStanding.limitsReach() || connected;
    }

    /** Whether the public board (its search index) and saved searches carry it: visible to anyone. */
    boolean onBoard() {
        return moderationState.reachesOthers() && posterStanding == Standing.ACTIVE;
    }

    void moderate(ModerationState state) {
        this.moderationState = state;
    }

    void applyStanding(Standing standing) {
        this.posterStanding = standing;
    }

    ModerationState getModerationState() {
        return moderationState;
    }

    Standing getPosterStanding() {
        return posterStanding;
    }

    boolean isPostedBy(MemberId member) {
        return member != null && posterId.equals(member.value());
    }

    /** Closes an open listing, announced as {@link JobClosed}; closing a closed one does nothing. */
    void close(Instant now) {
        if (state(now) != ListingState.OPEN) {
            return;
        }
        this.status = "CLOSED";
        this.closedAt = now;
        this.updatedAt = now;
        registerEvent(new JobClosed(jobId(), getPoster()));
    }

    void reopen(Instant now) {
        this.status = "OPEN";
        this.closedAt = null;
        this.updatedAt = now;
    }

    /** Pushes expiry out by some days from today or the current expiry, whichever is later. */
    void extend(int days, Instant now) {
        Instant from = expiresAt.isAfter(now) ? expiresAt : now;
        Instant extended = from.plus(Duration.ofDays(days));
        Instant cap = now.plus(Duration.ofDays(MAX_RUN_DAYS));
        this.expiresAt = extended.isAfter(cap) ? cap : extended;
        this.status = "OPEN";
        this.closedAt = null;
        this.updatedAt = now;
    }

    /** The form filled in with this listing (for edit, and for duplicate without dates). */
    JobForm toForm(boolean keepDates) {
        return new JobForm(
                title,
                crafts.stream().map(Craft::slug).toList(),
                productionTitle,
                productionType,
                company,
                locationCity,
                locationCountry,
                remote,
                keepDates ? startDate : null,
                keepDates ? endDate : null,
                compensation,
                payAmount,
                payUnit,
                payCurrency,
                unionStatus,
                description,
                wantsReel,
                wantsCredits,
                wantsCoverNote,
                keepDates ? applicationDeadline : null,
                DEFAULT_RUN_DAYS);
    }

    JobId jobId() {
        return new JobId(id);
    }

    Long getId() {
        return id;
    }

    MemberId getPoster() {
        return MemberId.of(posterId);
    }

    String getTitle() {
        return title;
    }

    String getProductionTitle() {
        return productionTitle;
    }

    ProductionType getProductionType() {
        return productionType;
    }

    String getCompany() {
        return company;
    }

    String getLocationCity() {
        return locationCity;
    }

    String getLocationCountry() {
        return locationCountry;
    }

    boolean isRemote() {
        return remote;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    LocalDate getEndDate() {
        return endDate;
    }

    Compensation getCompensation() {
        return compensation;
    }

    BigDecimal getPayAmount() {
        return payAmount;
    }

    PayUnit getPayUnit() {
        return payUnit;
    }

    String getPayCurrency() {
        return payCurrency;
    }

    UnionStatus getUnionStatus() {
        return unionStatus;
    }

    String getDescription() {
        return description;
    }

    boolean isWantsReel() {
        return wantsReel;
    }

    boolean isWantsCredits() {
        return wantsCredits;
    }

    boolean isWantsCoverNote() {
        return wantsCoverNote;
    }

    LocalDate getApplicationDeadline() {
        return applicationDeadline;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    List<Craft> getCrafts() {
        return crafts;
    }
}
