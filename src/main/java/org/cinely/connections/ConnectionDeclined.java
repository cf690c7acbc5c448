package org.cinely.connections;

import org.cinely.platform.MemberId;

/** The recipient declined a connection request (the requester is not told; their pending notice goes). */
public record ConnectionDeclined(long requestId, MemberId requester, MemberId recipient) {}
