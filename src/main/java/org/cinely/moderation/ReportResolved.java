package org.cinely.moderation;

import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentRef;

/** A report was answered; the reporter is told so (not what was decided). */
public record ReportResolved(long reportId, MemberId reporter, ContentRef target) {}
