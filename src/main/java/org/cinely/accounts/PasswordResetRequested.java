package org.cinely.accounts;

/**
 * Someone asked for a reset link for this address (which may have no account). Handled after the
 * request has been answered ({@link AccountService#sendPasswordReset}), so the answer costs the
 * same whether or not the address belongs to a member.
 */
record PasswordResetRequested(String email) {}
