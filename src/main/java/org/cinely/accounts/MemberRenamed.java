package org.cinely.accounts;

import org.cinely.platform.MemberId;

/**
 * A member changed their display name or handle (or both). {@code previousHandle} equals {@code
 * handle} when only the name changed. Profiles updates its copy and keeps the old handle so that
 * links to it still lead to the member; copies kept on purpose as a record of the moment (such as
 * the name on a job application) stay as they are.
 */
public record MemberRenamed(MemberId memberId, String previousHandle, String handle, String displayName) {}
