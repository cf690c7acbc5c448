/**
 * Member accounts: sign-up, e-mail verification, log-in and log-out, remember-me, password
 * change and reset, roles (member, moderator, admin), account state (active, suspended, banned)
 * and the rate limits on these, and a member's display name and handle. Other modules use {@link
 * org.cinely.accounts.AccountsApi} and listen to {@link org.cinely.accounts.MemberSignedUp} and
 * {@link org.cinely.accounts.MemberRenamed}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"platform"})
package org.cinely.accounts;
