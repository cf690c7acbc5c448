/**
 * Job listings, search, applications and the applicant pipeline: members post calls for crew
 * ({@code /jobs/new}), search the board with full-text and filters ({@code /jobs}), save
 * searches and hear about new matches, apply with a cover note and chosen works, and posters
 * shortlist, reject or hire applicants ({@code /jobs/{id}/applicants}). Publishes {@link
 * org.cinely.jobs.JobPosted}, {@link org.cinely.jobs.JobClosed}, {@link
 * org.cinely.jobs.ApplicationSubmitted}, {@link org.cinely.jobs.ApplicationStatusChanged} and
 * {@link org.cinely.jobs.SavedSearchMatched} for the feed to turn into notifications.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Jobs",
        allowedDependencies = {"accounts", "connections", "profiles", "works", "platform"})
package org.cinely.jobs;
