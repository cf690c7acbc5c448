package org.cinely.feed;

import java.util.Collection;
import java.util.List;
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
 * once per page: the people ({@link ProfilesApi#visibleCards}), blocks ({@link ConnectionsApi}), works
 * ({@link WorksApi#visibleCards}), comments ({@link WorksApi#visibleComments}) and jobs ({@link
 * JobsApi#visibleSummaries}). The feed keeps no copy of their rules.
 */
@Component
class Seen {

    /** The answers for one page. */
    record Page(
            Set<MemberId> blocked,
            Map<MemberId, ProfileCard> people,
            Map<Long, WorkCard> works,
            Map<Long, JobSummary> jobs,
            Set<Long> comments) {

        /** The member's card if the viewer may see them (listed, not blocked either way); else null. */
        ProfileCard person(MemberId member) {
            return member == null || blocked.contains(member) ? null : people.get(member);
        }

        /** Whether the viewer may see what it is about: the subject, and the comment if it is about one. */
        boolean subject(Subject subject, long id, Long commentId) {
            boolean seen = switch (subject) {
                case WORK -> works.containsKey(id);
                case JOB -> jobs.containsKey(id);
                case MEMBER -> true;
            };
            return seen && (commentId == null || comments.contains(commentId));
        }

        /** A notification as its reader and its e-mail show it: its actor and what it is about. */
        boolean shows(NotificationStore.Notification n) {
            return (n.actor() == null || person(n.actor()) != null)
                    && subject(n.subject(), n.subjectId(), n.commentId());
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

    Page by(
            MemberId viewer,
            Collection<MemberId> people,
            Collection<Long> workIds,
            Collection<Long> jobIds,
            Collection<Long> commentIds) {
        List<Long> comments =
                commentIds.stream().filter(Objects::nonNull).distinct().toList();
        return new Page(
                connections.blockedEitherWay(viewer),
                profiles.visibleCards(
                        viewer,
                        people.stream().filter(Objects::nonNull).distinct().toList()),
                works.visibleCards(viewer, workIds),
                jobs.visibleSummaries(viewer, jobIds),
                comments.isEmpty() ? Set.of() : works.visibleComments(viewer, comments));
    }

    /** Of a member's notifications, those they may see now (for e-mail, which goes out later). */
    List<NotificationStore.Notification> shown(MemberId viewer, List<NotificationStore.Notification> notifications) {
        Page page = by(
                viewer,
                notifications.stream()
                        .map(NotificationStore.Notification::actor)
                        .toList(),
                NotificationReader.subjects(notifications, Subject.WORK),
                NotificationReader.subjects(notifications, Subject.JOB),
                notifications.stream()
                        .map(NotificationStore.Notification::commentId)
                        .toList());
        return notifications.stream().filter(page::shows).toList();
    }
}
