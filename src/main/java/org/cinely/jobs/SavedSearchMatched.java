package org.cinely.jobs;

import org.cinely.platform.MemberId;

/**
 * A newly posted listing matches a member's saved search; {@code emailAlert} is the search's own
 * "e-mail me" switch (the feed mails the alert, by the member's notification settings).
 */
public record SavedSearchMatched(
        long savedSearch, MemberId member, String searchName, JobId job, String jobTitle, boolean emailAlert) {}
