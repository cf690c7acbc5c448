package org.cinely.profiles;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A handle a member gave up; visits to it are sent on to the member's current handle. */
@Entity
@Table(name = "profile_handle_history")
class PreviousHandle {

    @Id
    private String handle;

    private Long memberId;
    private Instant changedAt;

    protected PreviousHandle() {}

    PreviousHandle(String handle, long memberId, Instant changedAt) {
        this.handle = handle;
        this.memberId = memberId;
        this.changedAt = changedAt;
    }

    /** Whoever gave the handle up last is where it leads. */
    void givenUpBy(long member, Instant now) {
        this.memberId = member;
        this.changedAt = now;
    }

    Long getMemberId() {
        return memberId;
    }
}
