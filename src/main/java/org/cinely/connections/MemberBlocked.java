package org.cinely.connections;

import org.cinely.platform.MemberId;

/** A member blocked another; any connection or pending request between them is gone. */
public record MemberBlocked(MemberId blocker, MemberId blocked) {}
