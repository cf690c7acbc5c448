/**
 * The contract between the moderation module and the modules that own content (profiles, works
 * with comments, jobs). Each content module keeps owning its content and its one visibility rule;
 * it implements {@link org.cinely.platform.moderation.ContentModeration} so moderators can see
 * and hide what it owns, and asks {@link org.cinely.platform.moderation.ReviewPolicy} whether a
 * new member's first item waits for review. Moderation depends on this package, not on the
 * content modules' internals.
 */
package org.cinely.platform.moderation;
