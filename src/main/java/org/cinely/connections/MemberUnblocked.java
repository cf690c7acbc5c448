package org.cinely.connections;

import org.cinely.platform.MemberId;

/** A block was lifted (nothing reappears by itself: the two are no longer connected). */
public record MemberUnblocked(MemberId unblocker, MemberId unblocked) {}
