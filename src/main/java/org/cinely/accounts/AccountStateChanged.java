package org.cinely.accounts;

import org.cinely.platform.MemberId;

/** An admin or moderator suspended, banned or reinstated a member. */
public record AccountStateChanged(MemberId memberId, AccountState state, String reason, MemberId changedBy) {}
