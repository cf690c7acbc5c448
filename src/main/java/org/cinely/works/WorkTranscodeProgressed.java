package org.cinely.works;

import org.cinely.platform.MemberId;

/** A work's video moved on (state and percent), for its owner's open pages; not kept. */
public record WorkTranscodeProgressed(long workId, MemberId owner, String state, int percent) {}
