package org.cinely.accounts;

/** What a member may do beyond their own content. */
public enum Role {
    MEMBER,
    MODERATOR,
    ADMIN
}
