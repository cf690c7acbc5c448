package org.cinely.works;

import org.cinely.platform.MemberId;

/** A credited member removed their credit from someone's work. */
public record WorkCreditRemoved(long workId, long creditId, MemberId member, MemberId owner) {}
