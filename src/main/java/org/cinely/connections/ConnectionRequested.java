package org.cinely.connections;

import org.cinely.platform.MemberId;

/** A member asked another to connect; the feed may notify the recipient. */
public record ConnectionRequested(long requestId, MemberId requester, MemberId recipient) {}
