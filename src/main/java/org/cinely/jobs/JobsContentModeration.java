package org.cinely.jobs;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentModeration;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job listings as the moderation module sees them. A change of state or standing re-syncs the
 * board's index in the same transaction, so a hidden listing leaves the board (and its search) at
 * once and an approved one joins it; a held listing is announced (feed, saved searches) only when
 * approved.
 */
@Component
class JobsContentModeration implements ContentModeration {

    private final JobListingRepository listings;
    private final JobSearchIndex searchIndex;
    private final ApplicationEventPublisher events;

    JobsContentModeration(JobListingRepository listings, JobSearchIndex searchIndex, ApplicationEventPublisher events) {
        this.listings = listings;
        this.searchIndex = searchIndex;
        this.events = events;
    }

    @Override
    public Set<ContentKind> kinds() {
        return Set.of(ContentKind.JOB);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContentSnapshot> snapshot(ContentRef ref) {
        return listings.findWithCraftsById(ref.id())
                .map(listing -> new ContentSnapshot(
                        ref,
                        listing.getPoster(),
                        listing.getTitle() + " — " + listing.getProductionTitle(),
                        listing.getDescription(),
                        "/jobs/" + listing.getId(),
                        null,
                        listing.getModerationState(),
                        listing.getCreatedAt()));
    }

    @Override
    @Transactional
    public boolean moderate(ContentRef ref, ModerationState state) {
        Optional<JobListing> found = listings.findWithCraftsById(ref.id());
        found.ifPresent(listing -> {
            boolean approved = listing.getModerationState() == ModerationState.HELD && state == ModerationState.VISIBLE;
            listing.moderate(state);
            listings.saveAndFlush(listing);
            searchIndex.sync(listing);
            if (approved) {
                events.publishEvent(new JobPosted(
                        listing.jobId(), listing.getPoster(), listing.getTitle(), List.copyOf(listing.getCrafts())));
            }
        });
        return found.isPresent();
    }

    @Override
    @Transactional
    public void applyStanding(MemberId author, Standing standing) {
        for (JobListing listing : listings.findByPosterId(author.value())) {
            listing.applyStanding(standing);
            listings.saveAndFlush(listing);
            searchIndex.sync(listing);
        }
    }
}
