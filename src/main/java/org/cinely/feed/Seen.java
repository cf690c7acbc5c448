package org.cinely.feed;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cinely.connections.ConnectionsApi;
import org.cinely.jobs.JobSummary;
import org.cinely.jobs.JobsApi;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfileCard;
import org.cinely.profiles.ProfilesApi;
import org.cinely.works.WorkCard;
import org.cinely.works.WorksApi;
import org.springframework.stereotype.Component;

/**
 * What one viewer may see of a page of feed entries or notifications, asked of the owning modules
 * once per page: listed members ({@link ProfilesApi}), blocks ({@link ConnectionsApi}), works
 * ({@link WorksApi#visibleCards}) and jobs ({@link JobsApi#visibleSummaries}). The feed keeps no
 * copy of their rules.
 */
@Component
class Seen {

    /** The answers for one page. */
    record Page(
            Set<MemberId> blocked,
            Map<MemberId, ProfileCard> people,
            Map<Long, WorkCard> works,
            Map<Long, JobSummary> jobs) {

        /** The member's card if the viewer may see them (listed, not blocked either way); else null. */
        ProfileCard person(MemberId member) {
            return member == null || blocked.contains(member) ? null : people.get(member);
        }

        boolean subject(Subject subject, long id) {
            return switch (subject) {
                case WORK -> works.containsKey(id);
                case JOB -> jobs.containsKey(id);
                case MEMBER -> true;
            };
        }
    }

    private final ProfilesApi profiles;
    private final ConnectionsApi connections;
    private final WorksApi works;
    private final JobsApi jobs;

    Seen(ProfilesApi profiles, ConnectionsApi connections, WorksApi works, JobsApi jobs) {
        this.profiles = profiles;
        this.connections = connections;
        this.works = works;
        this.jobs = jobs;
    }

    Page by(MemberId viewer, Collection<MemberId> people, Collection<Long> workIds, Collection<Long> jobIds) {
        return new Page(
                connections.blockedEitherWay(viewer),
                profiles.listedCards(
                        people.stream().filter(Objects::nonNull).distinct().toList()),
                works.visibleCards(viewer, workIds),
                jobs.visibleSummaries(viewer, jobIds));
    }
}
