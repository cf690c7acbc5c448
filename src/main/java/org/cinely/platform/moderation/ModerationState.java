package org.cinely.platform.moderation;

import java.util.Locale;

/**
 * Where a piece of content stands with the moderators, stored by name on the content's own row.
 * Only {@link #VISIBLE} content reaches anyone but its author and moderators.
 */
public enum ModerationState {
    /** Nothing stands in the way (the author's own visibility choice still applies). */
    VISIBLE,
    /** A new member's first item, waiting for a moderator before it goes out. */
    HELD,
    /** Taken down by a moderator: kept and restorable, seen only by its author and moderators. */
    HIDDEN,
    /** Taken down for good (illegal content): kept as evidence, seen only by moderators. */
    REMOVED;

    /** Whether others than the author and moderators may see it (their visibility rules permitting). */
    public boolean reachesOthers() {
        return this == VISIBLE;
    }

    /** Whether the author still sees their own item (with a notice saying why nobody else does). */
    public boolean visibleToAuthor() {
        return this != REMOVED;
    }

    public String messageKey() {
        return "moderation.state." + name().toLowerCase(Locale.ROOT);
    }
}
