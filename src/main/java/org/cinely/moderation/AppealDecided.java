package org.cinely.moderation;

import org.cinely.platform.MemberId;

/** An appeal was answered: {@code reversed} when the decision was undone; {@code link} is the decision's signed statement link. */
public record AppealDecided(long appealId, long decisionId, MemberId member, boolean reversed, String link) {}
