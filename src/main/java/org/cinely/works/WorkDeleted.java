package org.cinely.works;

import org.cinely.platform.MemberId;

/** A work was deleted by its owner (its credits, likes and comments with it). */
public record WorkDeleted(long workId, MemberId owner) {}
