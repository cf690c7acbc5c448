/**
 * Connections between members: requests (sent, accepted, declined, withdrawn), the connection
 * graph, blocks, and "people you may know" (members two steps away, ranked by mutual connections
 * and shared credits). Publishes {@link org.cinely.connections.ConnectionRequested}, {@link
 * org.cinely.connections.ConnectionAccepted} and {@link org.cinely.connections.MemberBlocked}; tells
 * the profile pages how a viewer stands towards a member through profiles' {@code MemberRelations}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Connections",
        allowedDependencies = {"profiles", "works", "platform"})
package org.cinely.connections;
