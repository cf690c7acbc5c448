package org.cinely.works;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.cinely.media.MediaApi;
import org.cinely.media.MediaStatus;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentModeration;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works and comments as the moderation module sees and decides them. Decisions are stored on the
 * rows the works' visibility rule reads, in the caller's transaction, so they hold on every read
 * path at once.
 */
@Component
class WorksContentModeration implements ContentModeration {

    private final WorkRepository works;
    private final WorkExtras extras;
    private final WorkStandings standings;
    private final MediaApi media;
    private final Clock clock;

    WorksContentModeration(
            WorkRepository works, WorkExtras extras, WorkStandings standings, MediaApi media, Clock clock) {
        this.works = works;
        this.extras = extras;
        this.standings = standings;
        this.media = media;
        this.clock = clock;
    }

    @Override
    public Set<ContentKind> kinds() {
        return Set.of(ContentKind.WORK, ContentKind.COMMENT);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContentSnapshot> snapshot(ContentRef ref) {
        return switch (ref.kind()) {
            case WORK -> works.findById(ref.id()).map(work -> workSnapshot(ref, work));
            case COMMENT ->
                extras.comment(ref.id())
                        .flatMap(comment -> works.findById(comment.workId())
                                .map(work -> new ContentSnapshot(
                                        ref,
                                        comment.author(),
                                        work.getTitle(),
                                        comment.body(),
                                        "/works/" + work.getId() + "#comment-" + comment.id(),
                                        null,
                                        comment.state(),
                                        comment.createdAt())));
            default -> Optional.empty();
        };
    }

    private ContentSnapshot workSnapshot(ContentRef ref, Work work) {
        boolean poster = work.getMediaAssetId() != null
                && media.status(work.getMediaAssetId())
                        .map(MediaStatus::hasPoster)
                        .orElse(false);
        return new ContentSnapshot(
                ref,
                work.getOwner(),
                work.getTitle(),
                work.getDescription(),
                "/works/" + work.getId(),
                poster ? MediaPaths.poster(work.getId(), work.getMediaVersion()) : null,
                work.getModerationState(),
                work.getCreatedAt());
    }

    @Override
    @Transactional
    public boolean moderate(ContentRef ref, ModerationState state) {
        return switch (ref.kind()) {
            case WORK ->
                works.findById(ref.id())
                        .map(work -> {
                            if (work.moderate(state, clock.instant())) {
                                // Written now: a standing applied later in the same transaction
                                // updates the row behind the persistence context's back.
                                works.saveAndFlush(work);
                            }
                            return true;
                        })
                        .orElse(false);
            case COMMENT -> extras.moderateComment(ref.id(), state);
            default -> false;
        };
    }

    @Override
    @Transactional
    public void applyStanding(MemberId author, Standing standing) {
        works.flush(); // pending changes to the member's works go first: the update below bypasses JPA
        standings.apply(author, standing);
    }
}
