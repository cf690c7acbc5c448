package org.cinely.works;

import org.cinely.platform.MemberId;

/** A work's video could not be transcoded (or was refused); the owner is told why. */
public record WorkTranscodeFailed(long workId, MemberId owner, String reasonKey) {}
