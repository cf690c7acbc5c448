package org.cinely.accounts;

import org.cinely.platform.MemberId;

/** A member confirmed a new e-mail address (inside accounts only: it carries both addresses). */
record EmailChanged(MemberId memberId, String previousEmail, String newEmail) {}
