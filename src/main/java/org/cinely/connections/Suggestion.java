package org.cinely.connections;

import org.cinely.profiles.ProfileCard;

/** Someone the member may know, and why: mutual connections and shared credits. */
public record Suggestion(ProfileCard card, int mutualConnections, int sharedCredits) {}
