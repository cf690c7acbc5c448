package org.cinely.jobs;

import org.cinely.platform.MemberId;

/** A member applied to a listing: the poster should hear about it. */
public record ApplicationSubmitted(long application, JobId job, MemberId applicant, MemberId poster, String jobTitle) {}
