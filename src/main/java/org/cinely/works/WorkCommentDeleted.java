package org.cinely.works;

import org.cinely.platform.MemberId;

/** A comment was deleted (by its author, the work's owner or a moderator). */
public record WorkCommentDeleted(long workId, long commentId, MemberId author) {}
