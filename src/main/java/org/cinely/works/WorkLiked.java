package org.cinely.works;

import org.cinely.platform.MemberId;

/** A member liked a work (never their own is notified; the listener decides). */
public record WorkLiked(long workId, MemberId owner, MemberId liker, String title) {}
