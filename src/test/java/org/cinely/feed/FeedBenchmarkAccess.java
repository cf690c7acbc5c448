package org.cinely.feed;

import java.util.Collection;
import org.jooq.DSLContext;

/** What benchmarks need of the feed module: to forget what earlier load tests left in it. */
public final class FeedBenchmarkAccess {

    private FeedBenchmarkAccess() {}

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
