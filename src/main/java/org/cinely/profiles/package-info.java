/**
 * Member profiles: what a member shows others (handle, display name, headline, crafts, location,
 * bio, availability, day rate, links, avatar, credits, visibility), the member directory with its
 * full-text search, and the profile page. A profile is created when an account is ({@link
 * org.cinely.accounts.MemberSignedUp}); edits publish {@link org.cinely.profiles.ProfileUpdated}.
 * The profile page learns how a viewer stands towards a member through {@link
 * org.cinely.profiles.MemberRelations}, which the connections module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Profiles")
package org.cinely.profiles;
