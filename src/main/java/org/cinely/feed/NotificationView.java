package org.cinely.feed;

import java.time.Instant;
import org.cinely.profiles.ProfileCard;

/** A notification as the page shows it: the sentence's parts, where it leads, read or not. */
public record NotificationView(
        long id, NotificationKind kind, ProfileCard actor, String title, String detail, Instant at, boolean read) {

    public String messageKey() {
        return "notification." + kind.slug();
    }

    public String actorName() {
        return actor == null ? "" : actor.displayName();
    }
}
