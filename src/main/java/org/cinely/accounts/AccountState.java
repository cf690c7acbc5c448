package org.cinely.accounts;

/** Whether an account may log in. Suspended and banned members are told why when they try. */
public enum AccountState {
    ACTIVE,
    SUSPENDED,
    BANNED
}
