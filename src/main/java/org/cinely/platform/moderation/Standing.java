package org.cinely.platform.moderation;

/**
 * A member's standing as every content module applies it to what they wrote. Kept by accounts
 * (from the account state and the "limited" mark) and pushed to each content module by the
 * moderation module through {@link ContentModeration#applyStanding}, in the same transaction as
 * the decision, so it takes effect at once.
 */
public enum Standing {
    ACTIVE,
    /** Their content reaches only their connections; they cannot post jobs. */
    LIMITED,
    /** Cannot log in for now; their content is hidden until reinstated. */
    SUSPENDED,
    /** Cannot log in; their content is hidden. */
    BANNED;

    /** Whether nobody but moderators sees what this member wrote. */
    public boolean hidesContent() {
        return this == SUSPENDED || this == BANNED;
    }

    /** Whether what this member wrote reaches only their connections. */
    public boolean limitsReach() {
        return this == LIMITED;
    }
}
