/**
 * The activity feed and the home page: what a member's network is doing, and notifications.
 * For now the home page greets visitors and shows members who joined recently; feed entries
 * arrive with the connections, works and jobs modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feed")
package org.cinely.feed;
