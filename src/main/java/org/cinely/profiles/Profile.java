package org.cinely.profiles;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cinely.platform.Craft;
import org.cinely.platform.CraftSlugConverter;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.hibernate.annotations.BatchSize;

/** What a member shows others. Keyed by the account's id. */
@Entity
@Table(name = "profiles")
class Profile {

    @Id
    private Long memberId;

    private String handle;
    private String displayName;
    private String headline;
    private String locationCity;
    private String locationCountry;
    private Instant updatedAt;
    private String bio;

    @Enumerated(EnumType.STRING)
    private Availability availability;

    private LocalDate busyUntil;
    private Integer dayRate;
    private String dayRateCurrency;
    private String websiteUrl;
    private String imdbUrl;
    private String vimeoUrl;
    private String youtubeUrl;
    private String instagramUrl;

    @Enumerated(EnumType.STRING)
    private Visibility visibility = Visibility.PUBLIC;

    private Long avatarVersion;
    private Instant lastActiveAt;

    /** The crafts as bits (Craft.bit), for the directory's filtered search; see V12. */
    private long craftMask;

    /**
     * Whether others find this member (directory, suggestions, cards): visible and in good
     * standing. Kept from the two fields below by {@link #moderate} and {@link #applyStanding}.
     */
    private boolean listed = true;

    @Enumerated(EnumType.STRING)
    private ModerationState moderationState = ModerationState.VISIBLE;

    @Enumerated(EnumType.STRING)
    private Standing standing = Standing.ACTIVE;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "profile_crafts", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    @Column(name = "craft")
    @Convert(converter = CraftSlugConverter.class)
    private List<Craft> crafts = new ArrayList<>();

    protected Profile() {}

    Profile(Long memberId, String handle, String displayName, Instant now) {
        this.memberId = memberId;
        this.handle = handle;
        this.displayName = displayName;
        this.updatedAt = now;
        this.lastActiveAt = now;
    }

    /** Everything the member edits on /settings/profile, already validated. */
    void update(ProfileForm form, List<Craft> crafts, Instant now) {
        this.headline = form.trimmed(form.headline());
        this.locationCity = form.trimmed(form.city());
        this.locationCountry = form.trimmed(form.country());
        this.bio = form.trimmedBio();
        this.crafts.clear();
        this.crafts.addAll(crafts);
        this.craftMask = Craft.mask(crafts);
        this.availability = form.availabilityValue().orElse(null);
        this.busyUntil =
                this.availability == Availability.BUSY ? form.busyUntilValue().orElse(null) : null;
        this.dayRate = form.dayRateValue().orElse(null);
        this.dayRateCurrency = this.dayRate == null ? null : form.trimmed(form.currency());
        this.websiteUrl = LinkPolicy.normalised(form.website());
        this.imdbUrl = LinkPolicy.normalised(form.imdb());
        this.vimeoUrl = LinkPolicy.normalised(form.vimeo());
        this.youtubeUrl = LinkPolicy.normalised(form.youtube());
        this.instagramUrl = LinkPolicy.normalised(form.instagram());
        this.visibility = "MEMBERS".equals(form.visibility()) ? Visibility.MEMBERS : Visibility.PUBLIC;
        this.updatedAt = now;
        this.lastActiveAt = now;
    }

    /** The copy of the account's name and handle follows a rename. */
    void rename(String displayName, String handle, Instant now) {
        this.displayName = displayName;
        this.handle = handle;
        this.updatedAt = now;
    }

    void changeAvatar(Long version, Instant now) {
        this.avatarVersion = version;
        this.updatedAt = now;
    }

    void describe(String headline, String city, String country, List<Craft> crafts, Instant now) {
        this.headline = headline;
        this.locationCity = city;
        this.locationCountry = country;
        this.crafts.clear();
        this.crafts.addAll(crafts);
        this.craftMask = Craft.mask(crafts);
        this.updatedAt = now;
    }

    void moderate(ModerationState state) {
        this.moderationState = state;
        relist();
    }

    void applyStanding(Standing standing) {
        this.standing = standing;
        relist();
    }

    /**
     * The one rule for who may see this profile: the member (unless removed) and moderators
     * always; others while it is listed, and a limited member's connections while it is visible.
     */
    boolean visibleTo(MemberId viewer, boolean moderator, boolean connected) {
        return visibleTo(memberId, listed, moderationState, standing, viewer, moderator, connected);
    }

    /** The rule of {@link #visibleTo} on a profile's fields as read from a row (for list queries). */
    static boolean visibleTo(
            long memberId,
            boolean listed,
            ModerationState moderationState,
            Standing standing,
            MemberId viewer,
            boolean moderator,
            boolean connected) {
        if (moderator) {
            return true;
        }
        if (MemberId.of(memberId).equals(viewer)) {
            return moderationState.visibleToAuthor();
        }
        return listed || (connected && moderationState.reachesOthers() && standing.limitsReach());
    }

    /** Whether anyone but the member and moderators is kept from it (the owner's notice says why). */
    boolean restricted() {
        return !moderationState.reachesOthers() || standing != Standing.ACTIVE;
    }

    /**
     * A new avatar URL: a public cache may hold the old one, and a profile that stops reaching
     * everyone must not be served from it (the old URL answers 404 from now on).
     */
    void bumpAvatarVersion() {
        if (avatarVersion != null) {
            avatarVersion = avatarVersion + 1;
        }
    }

    private void relist() {
        boolean wasListed = listed;
        this.listed = moderationState.reachesOthers() && standing == Standing.ACTIVE;
        if (wasListed && !listed) {
            bumpAvatarVersion();
        }
    }

    ModerationState getModerationState() {
        return moderationState;
    }

    Standing getStanding() {
        return standing;
    }

    boolean isListed() {
        return listed;
    }

    Long getMemberId() {
        return memberId;
    }

    String getHandle() {
        return handle;
    }

    String getDisplayName() {
        return displayName;
    }

    String getHeadline() {
        return headline;
    }

    String getLocationCity() {
        return locationCity;
    }

    String getLocationCountry() {
        return locationCountry;
    }

    List<Craft> getCrafts() {
        return crafts;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getBio() {
        return bio;
    }

    Availability getAvailability() {
        return availability;
    }

    LocalDate getBusyUntil() {
        return busyUntil;
    }

    Integer getDayRate() {
        return dayRate;
    }

    String getDayRateCurrency() {
        return dayRateCurrency;
    }

    String getWebsiteUrl() {
        return websiteUrl;
    }

    String getImdbUrl() {
        return imdbUrl;
    }

    String getVimeoUrl() {
        return vimeoUrl;
    }

    String getYoutubeUrl() {
        return youtubeUrl;
    }

    String getInstagramUrl() {
        return instagramUrl;
    }

    Visibility getVisibility() {
        return visibility;
    }

    Long getAvatarVersion() {
        return avatarVersion;
    }
}
