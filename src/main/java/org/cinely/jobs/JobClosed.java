package org.cinely.jobs;

import org.cinely.platform.MemberId;

/** The poster closed a listing; it takes no more applications. */
public record JobClosed(JobId job, MemberId poster) {}
