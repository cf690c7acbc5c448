/**
 * The activity feed, notifications and live updates. Other modules publish events and never
 * write here: {@link org.cinely.feed.FeedWriter} turns them into feed entries fanned out to
 * home timelines, the notification writers ({@link org.cinely.feed.Notifier}) into notifications (and their
 * e-mail, through a durable outbox), and {@link org.cinely.feed.LiveHub} pushes both to open
 * pages with server-sent events, across nodes through the database or Redis. What an entry or a
 * notification is about is shown only while its owning module's rule lets the viewer see it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Feed",
        allowedDependencies = {"accounts", "connections", "jobs", "moderation", "profiles", "works", "platform"})
package org.cinely.feed;
