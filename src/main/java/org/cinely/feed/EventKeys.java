package org.cinely.feed;

import org.cinely.platform.MemberId;

/** Keys the feed and the notifications share for one event (so both retract the same thing). */
final class EventKeys {

    private EventKeys() {}

    /** Two members' connection, whichever of them asked. */
    static String connected(MemberId a, MemberId b) {
        return "connected:" + Math.min(a.value(), b.value()) + ":" + Math.max(a.value(), b.value());
    }

    private static final String COMMENTED = "work-commented:";
    private static final String COMMENT_NOTIFIED = "work-comment:";

    /** A comment's feed entry (for the work's owner). */
    static String commented(long commentId) {
        return COMMENTED + commentId;
    }

    /** A comment's notification. */
    static String commentNotified(long commentId) {
        return COMMENT_NOTIFIED + commentId;
    }

    /**
     * The comment an entry or notification is about, or null: its subject is the work, and the
     * comment itself may be hidden while the work is not.
     */
    static Long commentOf(String eventKey) {
        for (String prefix : new String[] {COMMENTED, COMMENT_NOTIFIED}) {
            if (eventKey.startsWith(prefix)) {
                return Long.parseLong(eventKey.substring(prefix.length()));
            }
        }
        return null;
    }
}
