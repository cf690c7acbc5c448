package org.cinely.jobs;

import org.cinely.platform.MemberId;

/** A newly posted listing matches a member's saved search. */
public record SavedSearchMatched(long savedSearch, MemberId member, String searchName, JobId job, String jobTitle) {}
