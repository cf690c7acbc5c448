package org.cinely.works;

import org.cinely.platform.MemberId;

/** A member took their like back. */
public record WorkUnliked(long workId, MemberId owner, MemberId liker) {}
