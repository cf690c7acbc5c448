package org.cinely.jobs;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cinely.connections.ConnectionsApi;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.platform.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of jobs: the feed shows listings a viewer may see. */
@Service
public class JobsApi {

    private final JobListingRepository listings;
    private final ConnectionsApi connections;
    private final ListingAccess access;
    private final Clock clock;

    JobsApi(JobListingRepository listings, ConnectionsApi connections, ListingAccess access, Clock clock) {
        this.access = access;
        this.listings = listings;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * Those of the given listings this viewer may see now: every listing that still exists, open
     * or not, except those of a poster whom the viewer blocked or was blocked by.
     */
    @Transactional(readOnly = true)
    public Map<Long, JobSummary> visibleSummaries(MemberId viewer, Collection<Long> jobIds) {
        Map<Long, JobSummary> visible = new HashMap<>();
        if (jobIds.isEmpty()) {
            return visible;
        }
        Set<MemberId> blocked = viewer == null ? Set.of() : connections.blockedEitherWay(viewer);
        for (JobListing listing : listings.findAllById(jobIds)) {
            if (!blocked.contains(listing.getPoster()) && access.visible(listing, viewer, false)) {
                visible.put(
                        listing.getId(),
                        new JobSummary(
                                listing.getId(),
                                listing.getTitle(),
                                listing.getCompany(),
                                listing.getPoster(),
                                listing.state(clock.instant()) == ListingState.OPEN));
            }
        }
        return visible;
    }
}
