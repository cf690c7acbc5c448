package org.cinely.accounts;

import org.cinely.platform.MemberId;

/** A new account exists; profiles creates the member's profile from it. */
public record MemberSignedUp(MemberId memberId, String handle, String displayName) {}
