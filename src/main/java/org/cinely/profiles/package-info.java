/**
 * Member profiles: what a member shows others (handle, display name, headline, crafts,
 * location), the member directory and the profile page. A profile is created when an account
 * is ({@link org.cinely.accounts.MemberSignedUp}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Profiles")
package org.cinely.profiles;
