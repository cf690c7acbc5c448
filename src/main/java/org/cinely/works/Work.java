package org.cinely.works;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.ContentHeldForReview;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A shared work. Its video is a media asset, referred to by id. */
@Entity
@Table(name = "works")
class Work extends AbstractAggregateRoot<Work> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ownerId;
    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private ProductionType productionType;

    private Integer productionYear;
    private String tags;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    private Long mediaAssetId;
    private boolean playable;
    private Instant publishedAt;
    private int likeCount;
    private int commentCount;
    private Instant createdAt;
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    private ModerationState moderationState = ModerationState.VISIBLE;

    /** A copy of the owner's standing, kept by {@link WorksContentModeration#applyStanding}. */
    @Enumerated(EnumType.STRING)
    private Standing authorStanding = Standing.ACTIVE;

    private int mediaVersion = 1;

    /** Set while the work is in its owner's trash (restorable for {@link WorkTrash#KEPT}). */
    private Instant deletedAt;

    @Version
    private long version;

    protected Work() {}

    Work(MemberId owner, Standing authorStanding, Instant now) {
        this.ownerId = owner.value();
        this.authorStanding = authorStanding;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new member's work waits for a moderator: nobody else sees it until approved. Called once
     * the work has its id; {@link ContentHeldForReview} goes out when it is saved.
     */
    void holdForReview() {
        this.moderationState = ModerationState.HELD;
        registerEvent(new ContentHeldForReview(new ContentRef(ContentKind.WORK, id), getOwner()));
    }

    /**
     * A moderator's decision. When the work stops reaching people, its media URLs change, so a
     * copy a shared cache keeps under the old ones is never linked again.
     *
     * @return whether anything changed
     */
    boolean moderate(ModerationState state, Instant now) {
        if (state == moderationState) {
            return false;
        }
        this.moderationState = state;
        this.updatedAt = now;
        if (!state.reachesOthers()) {
            mediaVersion++;
        }
        return true;
    }

    /** Whether everyone may watch it, so its media may be cached publicly. */
    boolean reachesEveryone() {
        return visibility == Visibility.PUBLIC
                && moderationState.reachesOthers()
                && !authorStanding.hidesContent()
                && !authorStanding.limitsReach();
    }

    void describe(WorkForm form, Instant now) {
        this.title = form.title().strip();
        this.description = form.description() == null || form.description().isBlank()
                ? null
                : form.description().strip();
        this.productionType = form.type();
        this.productionYear = form.year();
        this.tags = normalizeTags(form.tags());
        Visibility before = this.visibility;
        this.visibility = form.visibility();
        this.updatedAt = now;
        if (id != null && before != null && before != visibility) {
            WorkVisibilityChanged changed = new WorkVisibilityChanged(id, getOwner(), before, visibility);
            if (changed.narrowed()) {
                mediaVersion++; // cached public copies of its media are never linked again
            }
            registerEvent(changed);
        }
    }

    static String normalizeTags(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String joined = String.join(
                ", ",
                Arrays.stream(raw.split(","))
                        .map(tag -> tag.strip().replaceFirst("^#", "").toLowerCase(java.util.Locale.ROOT))
                        .filter(tag -> !tag.isEmpty())
                        .distinct()
                        .limit(12)
                        .toList());
        return joined.length() > 300 ? joined.substring(0, 300) : joined;
    }

    List<String> tagList() {
        return tags == null ? List.of() : Arrays.stream(tags.split(",\\s*")).toList();
    }

    /**
     * Into the trash: invisible everywhere from now on. Its media URLs change too, so a copy a
     * public cache kept is never linked again, even once it is restored.
     */
    void trash(Instant now) {
        this.deletedAt = now;
        this.mediaVersion++;
        this.updatedAt = now;
    }

    void restore(Instant now) {
        this.deletedAt = null;
        this.updatedAt = now;
    }

    boolean isTrashed() {
        return deletedAt != null;
    }

    Instant getDeletedAt() {
        return deletedAt;
    }

    boolean ownedBy(MemberId member) {
        return member != null && ownerId == member.value();
    }

    void attach(long assetId, Instant now) {
        this.mediaAssetId = assetId;
        this.playable = false;
        this.updatedAt = now;
    }

    /**
     * Its video can be watched. The first time, the work is published: {@link WorkPublished} is
     * registered here and goes out when the work is saved.
     */
    void becamePlayable(Instant now) {
        this.playable = true;
        if (publishedAt == null) {
            publishedAt = now;
            registerEvent(new WorkPublished(id, getOwner(), title, visibility));
        }
    }

    /** Its video stopped playing (a transcode that streamed its first segments, then failed). */
    void playbackLost(Instant now) {
        this.playable = false;
        this.updatedAt = now;
    }

    void detach(Instant now) {
        this.mediaAssetId = null;
        this.playable = false;
        this.updatedAt = now;
    }

    WorkView view() {
        return new WorkView(
                id,
                getOwner(),
                title,
                description,
                productionType,
                productionYear,
                tagList(),
                visibility,
                playable,
                likeCount,
                commentCount,
                moderationState,
                mediaVersion);
    }

    Long getId() {
        return id;
    }

    MemberId getOwner() {
        return MemberId.of(ownerId);
    }

    String getTitle() {
        return title;
    }

    String getDescription() {
        return description;
    }

    ProductionType getProductionType() {
        return productionType;
    }

    Integer getProductionYear() {
        return productionYear;
    }

    String getTags() {
        return tags;
    }

    Visibility getVisibility() {
        return visibility;
    }

    Long getMediaAssetId() {
        return mediaAssetId;
    }

    boolean isPlayable() {
        return playable;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    int getLikeCount() {
        return likeCount;
    }

    int getCommentCount() {
        return commentCount;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    ModerationState getModerationState() {
        return moderationState;
    }

    Standing getAuthorStanding() {
        return authorStanding;
    }

    int getMediaVersion() {
        return mediaVersion;
    }
}
