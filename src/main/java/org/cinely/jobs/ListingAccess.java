package org.cinely.jobs;

import org.cinely.accounts.AccountsApi;
import org.cinely.connections.ConnectionsApi;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.ReviewPolicy;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.security.CurrentMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may see a listing and who may post one, by {@link JobListing#visibleTo} and the poster's
 * standing: the one place the jobs module asks connections and accounts about it.
 */
@Component
class ListingAccess {

    private final AccountsApi accounts;
    private final ConnectionsApi connections;
    private final ObjectProvider<ReviewPolicy> review;

    ListingAccess(AccountsApi accounts, ConnectionsApi connections, ObjectProvider<ReviewPolicy> review) {
        this.accounts = accounts;
        this.connections = connections;
        this.review = review;
    }

    boolean visible(JobListing listing, MemberId viewer, boolean moderator) {
        return visible(
                listing.getPoster(), listing.getModerationState(), listing.getPosterStanding(), viewer, moderator);
    }

    /** The same, on a listing's fields as read from a row (the feed's summaries). */
    boolean visible(
            MemberId poster,
            ModerationState moderationState,
            Standing posterStanding,
            MemberId viewer,
            boolean moderator) {
        boolean connected = viewer != null && posterStanding.limitsReach() && connections.connected(viewer, poster);
        return JobListing.visibleTo(poster, moderationState, posterStanding, viewer, moderator, connected);
    }

    /** The listing for this viewer's eyes: a 404 (as if it did not exist) when they may not see it. */
    JobListing require(JobListing listing, CurrentMember viewer) {
        if (!visible(listing, viewer == null ? null : viewer.id(), viewer != null && viewer.isModerator())) {
            throw new NotFoundException("job " + listing.getId());
        }
        return listing;
    }

    /** Whether the viewer sees it only because they are a moderator (worth an audit record). */
    boolean seenOnlyAsModerator(JobListing listing, CurrentMember viewer) {
        return viewer != null && viewer.isModerator() && !visible(listing, viewer.id(), false);
    }

    /** A limited member cannot post jobs (nor a suspended one, who cannot log in anyway). */
    boolean mayPost(MemberId poster) {
        return accounts.standing(poster) == Standing.ACTIVE;
    }

    /** Whether the poster's new listing waits for a moderator (a new member's first, when that is on). */
    boolean holdsForReview(MemberId poster) {
        ReviewPolicy policy = review.getIfAvailable();
        return policy != null && policy.holdsForReview(poster, ContentKind.JOB);
    }
}
