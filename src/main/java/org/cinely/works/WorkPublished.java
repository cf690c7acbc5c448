package org.cinely.works;

import org.cinely.platform.MemberId;

/** A work became watchable (its first rendition is ready) for the first time. */
public record WorkPublished(long workId, MemberId owner, String title, Visibility visibility) {}
