package org.cinely.jobs;

import java.time.Instant;
import org.cinely.platform.MemberId;

/**
 * The poster moved an application (new, shortlisted, rejected, hired), or the applicant withdrew
 * it: the applicant should hear about a decision. Statuses are the lower-case names shown in URLs
 * ({@code shortlisted}); {@code at} tells one change from a later one to the same status.
 */
public record ApplicationStatusChanged(
        long application,
        JobId job,
        MemberId applicant,
        MemberId poster,
        String jobTitle,
        String from,
        String to,
        Instant at) {}
