package org.cinely.works;

import org.cinely.platform.MemberId;

/** A credited member confirmed their credit on someone's work. */
public record WorkCreditConfirmed(
        long workId, long creditId, MemberId member, MemberId owner, String title, String craft) {}
