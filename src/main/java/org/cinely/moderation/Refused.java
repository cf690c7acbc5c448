package org.cinely.moderation;

import java.util.Locale;

/** A moderation step that cannot be taken; nothing changed. Shown to the moderator or member as its message. */
class Refused extends RuntimeException {

    enum Why {
        ALREADY_DECIDED,
        ASSIGNED_TO_OTHER,
        MISSING_TARGET,
        NOT_ON_YOURSELF,
        NOT_ON_ADMIN,
        NOT_APPLICABLE,
        APPEAL_EXPIRED,
        APPEAL_EXISTS,
        NOT_APPEALABLE,
        SAME_MODERATOR,
        OWN_CONTENT,
        ALREADY_REPORTED,
        LAST_ADMIN;

        String messageKey() {
            return "moderation.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Why why;

    Refused(Why why) {
        super(why.name());
        this.why = why;
    }

    Why why() {
        return why;
    }
}
