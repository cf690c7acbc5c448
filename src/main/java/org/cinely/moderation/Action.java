package org.cinely.moderation;

import java.util.Locale;

/** What a moderator (or the system) decided. */
public enum Action {
    /** The reports do not hold: nothing changes for the member (no statement is sent). */
    DISMISS(false, false),
    /** A held item approved: it goes public. */
    APPROVE(false, true),
    HIDE(true, true),
    REMOVE(true, true),
    RESTORE(true, true),
    WARN(false, false),
    LIMIT(false, false),
    UNLIMIT(false, false),
    SUSPEND(false, false),
    BAN(false, false),
    REINSTATE(false, false),
    /** A dated suspension ran out (decided by the system). */
    SUSPENSION_ENDED(false, false);

    private final boolean onContent;
    private final boolean needsTarget;

    Action(boolean onContent, boolean needsTarget) {
        this.onContent = onContent;
        this.needsTarget = needsTarget;
    }

    /** Whether it changes a piece of content rather than the member's standing. */
    public boolean onContent() {
        return onContent;
    }

    public boolean needsTarget() {
        return needsTarget;
    }

    /** Whether the member is sent a statement of reasons and may appeal. */
    public boolean appealable() {
        return this == HIDE || this == REMOVE || this == WARN || this == LIMIT || this == SUSPEND || this == BAN;
    }

    public String messageKey() {
        return "moderation.action." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
