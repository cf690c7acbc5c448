package org.cinely.moderation;

import org.cinely.platform.MemberId;

/** An appeal was answered: {@code reversed} when the decision was undone. */
public record AppealDecided(long appealId, long decisionId, MemberId member, boolean reversed) {}
