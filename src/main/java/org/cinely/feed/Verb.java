package org.cinely.feed;

/** What a feed entry says happened. */
enum Verb {
    /** A work can be watched (its poster shows). Seen by the owner's network. */
    WORK_PUBLISHED,
    /** A member confirmed their credit on someone's work. Seen by the member's network. */
    CREDIT_CONFIRMED,
    /** A member posted a job. Seen by the poster's network. */
    JOB_POSTED,
    /** Two members connected. Seen by both networks. */
    CONNECTED,
    /** Someone commented on my work. Seen by the owner. */
    WORK_COMMENTED,
    /** Someone liked my work. Seen by the owner. */
    WORK_LIKED,
    /** My application moved on. Seen by the applicant. */
    APPLICATION_UPDATED;

    /** Entries a person groups: "Jonas and 3 others liked Kreuzberg Nights". */
    public boolean groupsBySubject() {
        return this == WORK_LIKED || this == WORK_COMMENTED;
    }
}
