package org.cinely.accounts;

import org.cinely.platform.MemberId;

/** An admin granted or revoked a role; the member's open sessions carry the new role from their next page. */
public record RoleChanged(MemberId memberId, Role from, Role to, MemberId changedBy) {}
