package org.cinely.feed;

import java.util.Collection;
import org.jooq.DSLContext;

/** What benchmarks need of the feed module: to forget what earlier load tests left in it. */
public final class FeedBenchmarkAccess {

    private FeedBenchmarkAccess() {}

    /**
     * Gives each member a home feed of {@code perMember} postings: the newest open listings, as the
     * feed records a posting ({@code JobPosted}: same event key, verb and subject), in each of the
     * members' timelines. Rows already there are kept, so a second call adds nothing.
     */
    public static void fillTimelines(DSLContext dsl, Collection<Long> members, int perMember) {
        dsl.execute(
                "insert ignore into feed_activities"
                        + " (event_key, actor_id, verb, subject_type, subject_id, title, created_at)"
                        + " select concat('job-posted:', id), poster_id, 'JOB_POSTED', 'JOB', id, left(title, 200),"
                        + " created_at from job_listings"
                        + " where status = 'OPEN' and expires_at > utc_timestamp() + interval 1 day"
                        + " order by id desc limit ?",
                perMember);
        String ids = String.join(",", members.stream().map(String::valueOf).toList());
        dsl.execute(
                "insert ignore into feed_timeline (member_id, activity_id)"
                        + " select m.id, a.id from accounts m join"
                        + " (select id from feed_activities where verb = 'JOB_POSTED' order by id desc limit ?) a"
                        + " where m.id in (" + ids + ")",
                perMember);
    }

    /**
     * Removes every activity and notification about the given job listings, with their timeline
     * rows and pending mail: what the feed made of postings and applications a load test has just
     * removed, so that members' homes read as they did before it.
     */
    public static void forgetJobs(DSLContext dsl, Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return;
        }
        String ids = String.join(",", jobIds.stream().map(String::valueOf).toList());
        dsl.execute("delete m from notification_mail m join notifications n on n.id = m.notification_id"
                + " where n.subject_type = 'JOB' and n.subject_id in (" + ids + ")");
        dsl.execute("delete t from feed_timeline t join feed_activities a on a.id = t.activity_id"
                + " where a.subject_type = 'JOB' and a.subject_id in (" + ids + ")");
        dsl.execute("delete from feed_activities where subject_type = 'JOB' and subject_id in (" + ids + ")");
        dsl.execute("delete from notifications where subject_type = 'JOB' and subject_id in (" + ids + ")");
    }
}
