package org.cinely.jobs;

import org.cinely.platform.MemberId;

/** The poster edited a listing (its title may have changed; it stays open or closed as it was). */
public record JobEdited(JobId job, MemberId poster, String title) {}
