package org.cinely.jobs;

import java.time.Clock;
import java.time.Instant;
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

    private final JobSummaryQueries summaries;
    private final ConnectionsApi connections;
    private final ListingAccess access;
    private final Clock clock;

    JobsApi(JobSummaryQueries summaries, ConnectionsApi connections, ListingAccess access, Clock clock) {
        this.summaries = summaries;
        this.access = access;
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
        Instant now = clock.instant();
        for (JobSummaryQueries.Row row : summaries.rows(jobIds)) {
            if (!blocked.contains(row.poster())
                    && access.visible(row.poster(), row.moderationState(), row.posterStanding(), viewer, false)) {
                visible.put(
                        row.id(),
                        new JobSummary(
                                row.id(),
                                row.title(),
                                row.company(),
                                row.poster(),
                                JobListing.state(row.status(), row.expiresAt(), now) == ListingState.OPEN));
            }
        }
        return visible;
    }
}
