package org.cinely.platform.moderation;

import java.util.Optional;
import java.util.Set;
import org.cinely.platform.MemberId;

/**
 * Implemented by each module that owns content (one bean per module), used by the moderation
 * module, and by accounts for {@link #applyStanding} alone (a member whose account waits to be
 * deleted stands as suspended: their content shows to nobody else until they cancel). Calls join the caller's transaction, so a decision and its effect commit
 * together; the owner's visibility rule reads the stored state on every read path, so a change
 * shows on every node at once.
 */
public interface ContentModeration {

    /** The kinds this module owns. */
    Set<ContentKind> kinds();

    /** The content as a moderator sees it, in any state; empty when it does not exist (or was deleted). */
    Optional<ContentSnapshot> snapshot(ContentRef ref);

    /**
     * Puts the content into {@code state}.
     *
     * @return false when it does not exist
     */
    boolean moderate(ContentRef ref, ModerationState state);

    /** Applies the author's standing to everything they wrote in this module. */
    void applyStanding(MemberId author, Standing standing);
}
