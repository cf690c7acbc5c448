package org.cinely.jobs;

import org.cinely.platform.MemberId;

/** A listing in a line, for lists built elsewhere (the feed, notifications). */
public record JobSummary(long id, String title, String company, MemberId poster, boolean open) {

    public String path() {
        return "/jobs/" + id;
    }
}
