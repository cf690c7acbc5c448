package org.cinely.accounts;

import org.cinely.platform.MemberId;

/** Who a member is, as other modules show them. */
public record MemberSummary(MemberId id, String handle, String displayName, Role role, AccountState state) {}
