package org.cinely.profiles;

import org.cinely.platform.MemberId;

/** A member changed their profile (details, credits or avatar); the feed may tell their network. */
public record ProfileUpdated(MemberId memberId, String handle) {}
