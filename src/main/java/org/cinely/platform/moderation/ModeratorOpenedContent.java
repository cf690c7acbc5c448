package org.cinely.platform.moderation;

import org.cinely.platform.MemberId;

/**
 * Published by a content module when a moderator opens content only their role lets them see
 * (hidden, held, removed or private to its author's connections): the audit log records it.
 */
public record ModeratorOpenedContent(MemberId moderator, ContentRef ref) {}
