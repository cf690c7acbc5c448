package org.cinely.feed;

import java.time.Instant;
import java.util.List;
import org.cinely.jobs.JobSummary;
import org.cinely.profiles.ProfileCard;
import org.cinely.works.WorkCard;

/**
 * One entry of a member's feed as the page shows it: who did it (the first actor, and how many
 * more when a person would group them), what about (a work card with its poster, a job, another
 * member), and when. {@code id} is the newest activity in the entry, the feed's keyset cursor.
 */
record FeedEntry(
        long id,
        Verb verb,
        ProfileCard actor,
        List<ProfileCard> moreActors,
        ProfileCard other,
        WorkCard work,
        JobSummary job,
        String detail,
        Instant at) {

    /** The message key of the sentence: e.g. feed.entry.work-liked, or feed.entry.work-liked.group. */
    public String messageKey() {
        String key =
                "feed.entry." + verb.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return moreActors.isEmpty() ? key : key + ".group";
    }

    public int othersCount() {
        return moreActors.size();
    }

    /** Where the entry leads. */
    public String link() {
        if (work != null) {
            return "/works/" + work.id();
        }
        if (job != null) {
            return job.path();
        }
        return other != null ? "/members/" + other.handle() : "/members/" + actor.handle();
    }

    /** The work's or job's title as the sentence names it. */
    public String subjectTitle() {
        if (work != null) {
            return work.title();
        }
        if (job != null) {
            return job.title();
        }
        return Titles.split(detail).title();
    }

    /** An application's new status (shortlisted, hired, ...), for APPLICATION_UPDATED. */
    public String status() {
        return Titles.split(detail).detail();
    }
}
