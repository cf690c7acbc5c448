/**
 * The home page, and (to come) the activity feed, notifications and live updates. Today the home
 * page greets visitors, shows members who joined recently and, to a member, "people you may
 * know"; the feed will be built from the events the other modules publish.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Feed",
        allowedDependencies = {"connections", "profiles", "platform"})
package org.cinely.feed;
