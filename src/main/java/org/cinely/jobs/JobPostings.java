package org.cinely.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.ContentHeldForReview;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.security.RateLimitExceededException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Posting and managing listings. Every method that takes a member checks they may act: a listing
 * that is not theirs is "not found", so ids changed in a URL reveal nothing.
 */
@Service
class JobPostings {

    /** At most this many new listings per member in any 24 hours (counted in the database). */
    static final int LISTINGS_PER_DAY = 10;

    static final Set<Integer> EXTENSIONS = Set.of(7, 14, 30);

    private final JobListingRepository listings;
    private final ApplicationEventPublisher events;
    private final JobSearchIndex searchIndex;
    private final Clock clock;
    private final ListingAccess access;

    JobPostings(
            JobListingRepository listings,
            ApplicationEventPublisher events,
            JobSearchIndex searchIndex,
            Clock clock,
            ListingAccess access) {
        this.listings = listings;
        this.events = events;
        this.searchIndex = searchIndex;
        this.clock = clock;
        this.access = access;
    }

    Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    JobListing listing(long id) {
        return listings.findWithCraftsById(id).orElseThrow(() -> new NotFoundException("job " + id));
    }

    /** The listing, only if this member posted it; anyone else gets 404. */
    @Transactional(readOnly = true)
    JobListing ownListing(long id, MemberId member) {
        JobListing listing = listing(id);
        if (!listing.isPostedBy(member)) {
            throw new NotFoundException("job " + id);
        }
        return listing;
    }

    /** Posts a listing if the form is valid; returns empty with field errors otherwise. */
    @Transactional
    Optional<JobListing> post(MemberId poster, JobForm form, Errors errors) {
        Instant now = now();
        JobRules.check(form, errors, now, null);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        if (!access.mayPost(poster)) {
            errors.reject("job.post.limited");
            return Optional.empty();
        }
        checkDailyLimit(poster, now);
        JobListing listing = new JobListing(poster, form, now);
        boolean held = access.holdsForReview(poster);
        if (held) {
            listing.moderate(ModerationState.HELD);
        }
        listings.save(listing);
        searchIndex.sync(listing);
        // Published here, not registered by the listing: its id exists only once it is saved.
        if (held) {
            // Announced (feed, saved searches) when a moderator approves it: JobsContentModeration.
            events.publishEvent(new ContentHeldForReview(new ContentRef(ContentKind.JOB, listing.getId()), poster));
        } else {
            events.publishEvent(
                    new JobPosted(listing.jobId(), poster, listing.getTitle(), List.copyOf(listing.getCrafts())));
        }
        return Optional.of(listing);
    }

    private void checkDailyLimit(MemberId poster, Instant now) {
        long recent = listings.countPostedSince(poster.value(), now.minus(Duration.ofDays(1)));
        if (recent >= LISTINGS_PER_DAY) {
            throw new RateLimitExceededException("job-listings", Duration.ofHours(24));
        }
    }

    @Transactional
    boolean edit(long id, MemberId member, JobForm form, Errors errors) {
        JobListing listing = ownListing(id, member);
        JobRules.check(form, errors, now(), listing.getExpiresAt());
        if (errors.hasErrors()) {
            return false;
        }
        listing.edit(form, now());
        searchIndex.sync(listing);
        listings.save(listing); // publishes JobEdited
        return true;
    }

    @Transactional
    void close(long id, MemberId member) {
        JobListing listing = ownListing(id, member);
        listing.close(now());
        searchIndex.sync(listing);
        listings.save(listing); // publishes JobClosed, if it was open
    }

    /** Reopens a closed listing that has not passed its expiry; false if it has. */
    @Transactional
    boolean reopen(long id, MemberId member) {
        JobListing listing = ownListing(id, member);
        if (!now().isBefore(listing.getExpiresAt())) {
            return false;
        }
        listing.reopen(now());
        searchIndex.sync(listing);
        return true;
    }

    @Transactional
    void extend(long id, MemberId member, int days) {
        if (!EXTENSIONS.contains(days)) {
            throw new NotFoundException("extension " + days);
        }
        JobListing listing = ownListing(id, member);
        listing.extend(days, now());
        searchIndex.sync(listing);
    }
}
