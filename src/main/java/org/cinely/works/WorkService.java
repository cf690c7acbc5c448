package org.cinely.works;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cinely.media.MediaApi;
import org.cinely.media.MediaBecamePlayable;
import org.cinely.media.MediaProgressed;
import org.cinely.media.MediaRejected;
import org.cinely.media.MediaState;
import org.cinely.media.MediaStatus;
import org.cinely.media.TranscodeFailed;
import org.cinely.media.UploadTargets;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ReviewPolicy;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.FormErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Works: their details and credits, finding them for a viewer by the works' rule ({@link
 * WorkVisibility}), and what happens as their video moves on.
 */
@Service
class WorkService implements UploadTargets {

    private final WorkRepository works;
    private final WorkCredits credits;
    private final MediaApi media;
    private final WorkVisibility visibility;
    private final WorkStandings standings;
    private final ObjectProvider<ReviewPolicy> reviewPolicy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkService(
            WorkRepository works,
            WorkCredits credits,
            MediaApi media,
            WorkVisibility visibility,
            WorkStandings standings,
            ObjectProvider<ReviewPolicy> reviewPolicy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.works = works;
        this.credits = credits;
        this.media = media;
        this.visibility = visibility;
        this.standings = standings;
        this.reviewPolicy = reviewPolicy;
        this.events = events;
        this.clock = clock;
    }

    /** A work that is not in the trash (a trashed one does not exist for any read path). */
    Work find(long id) {
        return works.findById(id).filter(work -> !work.isTrashed()).orElseThrow(() -> new NotFoundException("work"));
    }

    /** The work if this viewer may see it by the works' rule; otherwise it does not exist for them (404). */
    Work findVisible(long id, CurrentMember viewer) {
        return findVisible(id, viewer, false);
    }

    /**
     * As {@link #findVisible}, for opening the work (its page, its player): a moderator who sees
     * it only by their role is recorded in the moderation log.
     */
    Work open(long id, CurrentMember viewer) {
        return findVisible(id, viewer, true);
    }

    private Work findVisible(long id, CurrentMember viewer, boolean opening) {
        Work work = find(id);
        VisibilityRule.Viewer who = visibility.viewer(viewer, List.of(work.getOwner()));
        if (!WorkVisibility.canView(who, work)) {
            throw new NotFoundException("work");
        }
        if (opening && WorkVisibility.seenOnlyByRole(who, work)) {
            visibility.noteModeratorOpened(who, work); // a transaction only when there is something to record
        }
        return work;
    }

    /** The owner's work, unless moderators removed it (then it is theirs alone, kept as evidence). */
    Work findOwned(long id, CurrentMember member) {
        Work work = find(id);
        if (member == null
                || !work.ownedBy(member.id())
                || !work.getModerationState().visibleToAuthor()) {
            throw new NotFoundException("work");
        }
        return work;
    }

    @Transactional
    Optional<Work> create(MemberId owner, WorkForm form, Errors errors) {
        if (FormErrors.tooLong(errors)) {
            return Optional.empty(); // nothing parsed or looked up
        }
        rejectUnofferedType(form, errors);
        List<WorkCredits.ParsedCredit> parsed = credits.parse(owner, form.credits(), errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Work work = new Work(owner, standings.of(owner), clock.instant());
        work.describe(form, clock.instant());
        works.save(work);
        ReviewPolicy policy = reviewPolicy.getIfAvailable();
        if (policy != null && policy.holdsForReview(owner, ContentKind.WORK)) {
            work.holdForReview();
            works.save(work); // publishes ContentHeldForReview in this transaction
        }
        credits.save(work, owner, parsed);
        return Optional.of(work);
    }

    @Transactional
    boolean update(Work work, MemberId owner, WorkForm form, Errors errors) {
        if (FormErrors.tooLong(errors)) {
            return false; // nothing parsed or looked up
        }
        rejectUnofferedType(form, errors);
        List<WorkCredits.ParsedCredit> parsed = credits.parse(owner, form.credits(), errors);
        if (errors.hasErrors()) {
            return false;
        }
        // The current row, locked: the same form sent twice at once (a double click) saves twice in
        // turn, the second finding the first's credits, instead of failing on a stale version.
        Work current = works.lockById(work.getId()).orElseThrow(() -> new NotFoundException("work"));
        current.describe(form, clock.instant());
        works.save(current);
        credits.save(current, owner, parsed);
        return true;
    }

    /**
     * Into the owner's trash ({@link WorkTrash}): gone from every page, list and media URL at
     * once, restorable for 30 days. The feed keeps its entry and asks the works' rule when it
     * reads, so an undo brings the entry back as it was rather than announcing the work again;
     * {@link WorkDeleted} goes out when the purge removes it for good.
     */
    @Transactional
    void trash(Work work) {
        Work current = works.lockById(work.getId()).orElseThrow(() -> new NotFoundException("work"));
        if (!current.isTrashed()) {
            current.trash(clock.instant());
            works.save(current);
        }
    }

    /** The owner's work back from the trash, as it was (a second undo changes nothing). */
    @Transactional
    Work restore(long id, CurrentMember member) {
        Work work = works.lockById(id)
                .filter(w -> member != null && w.ownedBy(member.id()))
                .filter(w -> w.getModerationState().visibleToAuthor())
                .orElseThrow(() -> new NotFoundException("work"));
        if (work.isTrashed()) {
            work.restore(clock.instant());
            works.save(work);
        }
        return work;
    }

    /** A kind of production the form does not offer (such as a job's "student"): a forged post. */
    private static void rejectUnofferedType(WorkForm form, Errors errors) {
        if (form.type() != null && !ProductionType.FOR_WORKS.contains(form.type())) {
            errors.rejectValue("type", "work.field.type.required");
        }
    }

    // Uploads attach to works ("work:<id>").

    @Override
    public boolean supports(String target) {
        return target.startsWith("work:");
    }

    @Override
    public boolean mayUpload(MemberId member, String target) {
        return workOf(target)
                .filter(work -> work.ownedBy(member))
                .filter(work -> !work.isTrashed())
                .filter(work -> work.getMediaAssetId() == null || replaceable(work.getMediaAssetId()))
                .isPresent();
    }

    /** A video that never made it (still uploading, refused, failed) can be replaced by a new one. */
    private boolean replaceable(long assetId) {
        return media.status(assetId)
                .map(status -> status.state() == MediaState.UPLOADING
                        || status.state() == MediaState.REJECTED
                        || status.state() == MediaState.FAILED)
                .orElse(true);
    }

    @Override
    @Transactional
    public void uploadStarted(String target, long assetId) {
        Work work = workOf(target).orElseThrow(() -> new NotFoundException("work"));
        Long previous = work.getMediaAssetId();
        work.attach(assetId, clock.instant());
        works.save(work);
        if (previous != null) {
            media.delete(previous);
        }
    }

    private Optional<Work> workOf(String target) {
        try {
            return works.findById(Long.parseLong(target.substring("work:".length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // What media tells us about a work's video.

    @ApplicationModuleListener
    void on(MediaBecamePlayable event) {
        works.findByMediaAssetId(event.assetId()).ifPresent(work -> {
            work.becamePlayable(clock.instant());
            works.save(work); // publishes WorkPublished the first time
        });
    }

    /** Passed on at once (not through the registry: a missed step only delays a progress bar). */
    @EventListener
    void on(MediaProgressed event) {
        if (supports(event.target())) {
            workOf(event.target())
                    .ifPresent(work -> events.publishEvent(new WorkTranscodeProgressed(
                            work.getId(), work.getOwner(), event.state().name(), event.percent())));
        }
    }

    @ApplicationModuleListener
    void on(TranscodeFailed event) {
        works.findByMediaAssetId(event.assetId()).ifPresent(work -> {
            // A video that played while it was transcoding (from its first segments) plays no
            // more once the transcode has failed: it leaves the lists until it is retried.
            if (work.isPlayable()
                    && !media.status(event.assetId()).map(MediaStatus::playable).orElse(false)) {
                work.playbackLost(clock.instant());
                works.save(work);
            }
            events.publishEvent(new WorkTranscodeFailed(work.getId(), work.getOwner(), event.reasonKey()));
        });
    }

    @ApplicationModuleListener
    void on(MediaRejected event) {
        works.findByMediaAssetId(event.assetId())
                .ifPresent(work ->
                        events.publishEvent(new WorkTranscodeFailed(work.getId(), work.getOwner(), event.reasonKey())));
    }
}
