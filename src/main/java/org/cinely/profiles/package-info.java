/**
 * Member profiles: what a member shows others (handle, display name, headline, crafts, location,
 * bio, availability, day rate, links, avatar, credits, visibility), the member directory with its
 * full-text search, and the profile page. A profile is created when an account is ({@link
 * org.cinely.accounts.MemberSignedUp}); edits publish {@link org.cinely.profiles.ProfileUpdated}.
 * The display name and handle are the account's: the profile form has accounts check and change
 * them, the profile keeps a copy ({@link org.cinely.accounts.MemberRenamed}) and remembers given-up
 * handles so that old links lead to the member.
 * The profile page learns how a viewer stands towards a member through {@link
 * org.cinely.profiles.MemberRelations}, which the connections module implements.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Profiles",
        allowedDependencies = {"accounts", "works", "platform"})
package org.cinely.profiles;
