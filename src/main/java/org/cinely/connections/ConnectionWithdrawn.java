package org.cinely.connections;

import org.cinely.platform.MemberId;

/** The requester withdrew a connection request before it was answered. */
public record ConnectionWithdrawn(long requestId, MemberId requester, MemberId recipient) {}
