package org.cinely.jobs;

import org.cinely.platform.MemberId;

/**
 * The poster moved an application (new, shortlisted, rejected, hired), or the applicant withdrew
 * it: the applicant should hear about a decision. Statuses are the lower-case names shown in URLs
 * ({@code shortlisted}).
 */
public record ApplicationStatusChanged(
        long application, JobId job, MemberId applicant, String jobTitle, String from, String to) {}
