package org.cinely.accounts;

import org.cinely.platform.MemberId;

/** A member confirmed their e-mail address and may now post. */
public record EmailVerified(MemberId memberId) {}
