package org.cinely.works;

import org.cinely.platform.MemberId;

/** A member commented on a work. */
public record WorkCommented(long workId, long commentId, MemberId owner, MemberId author, String title) {}
