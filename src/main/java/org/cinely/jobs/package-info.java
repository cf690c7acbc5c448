/**
 * Job listings, search, applications and the applicant pipeline. Today only the (empty) job
 * board page exists; posting and applying come with the jobs issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package org.cinely.jobs;
