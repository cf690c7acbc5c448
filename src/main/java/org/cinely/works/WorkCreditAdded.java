package org.cinely.works;

import org.cinely.platform.MemberId;

/** A member was credited on a work (they can confirm or remove it); feed notifies them. */
public record WorkCreditAdded(
        long workId, long creditId, MemberId member, String craft, MemberId creditedBy, String title) {}
