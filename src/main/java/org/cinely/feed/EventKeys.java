package org.cinely.feed;

import org.cinely.platform.MemberId;

/** Keys the feed and the notifications share for one event (so both retract the same thing). */
final class EventKeys {

    private EventKeys() {}

    /** Two members' connection, whichever of them asked. */
    static String connected(MemberId a, MemberId b) {
        return "connected:" + Math.min(a.value(), b.value()) + ":" + Math.max(a.value(), b.value());
    }
}
