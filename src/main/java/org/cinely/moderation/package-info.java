/**
 * Keeping the community safe: members report profiles, works, comments and job listings; reports
 * gather into one case per item in the moderators' queue; moderators decide (dismiss, hide,
 * remove, warn, limit, suspend, ban) with a statement of reasons the member sees and may appeal
 * once; every moderator and admin action goes into a hash-chained audit log; admins see a
 * dashboard and manage roles. Content stays with the modules that own it: moderation reaches it
 * only through {@link org.cinely.platform.moderation.ContentModeration}, and members' standing
 * through {@link org.cinely.accounts.AccountsApi}. Publishes {@link
 * org.cinely.moderation.DecisionTaken}, {@link org.cinely.moderation.ReportResolved} and {@link
 * org.cinely.moderation.AppealDecided}; the feed tells the members.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Moderation",
        allowedDependencies = {"accounts", "platform"})
package org.cinely.moderation;
