package org.cinely.connections;

import org.cinely.platform.MemberId;

/** Two members are now connected ({@code accepter} accepted, or both asked each other). */
public record ConnectionAccepted(MemberId requester, MemberId accepter) {}
