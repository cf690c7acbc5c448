package org.cinely.feed;

import org.cinely.platform.MemberId;
import org.cinely.platform.web.HeaderCount;
import org.springframework.stereotype.Component;

/** The bell's unread count in the header (live pages keep it current through /live). */
@Component
class NotificationBell implements HeaderCount {

    static final String ATTRIBUTE = "unreadNotifications";

    private final NotificationStore store;

    NotificationBell(NotificationStore store) {
        this.store = store;
    }

    @Override
    public String attribute() {
        return ATTRIBUTE;
    }

    @Override
    public int count(MemberId member) {
        return store.unread(member);
    }
}
