package org.cinely.works;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinely.platform.MemberId;

/**
 * What works needs to know about two members' relation: connected (for connections-only works)
 * and blocked (either way: they then cannot see, like, comment on or credit each other's work).
 * The connections module provides the real answers; without it, {@link WorksConfiguration}
 * supplies one where nobody is connected (only the owner sees a connections-only work).
 */
public interface ConnectionChecker {

    boolean connected(MemberId a, MemberId b);

    boolean blockedEitherWay(MemberId a, MemberId b);

    /** Of {@code others}, those connected to {@code member} (for lists: one answer for many works). */
    default Set<MemberId> connectedAmong(MemberId member, Collection<MemberId> others) {
        return others.stream().filter(other -> connected(member, other)).collect(Collectors.toSet());
    }

    /** Of {@code others}, those {@code member} blocked or was blocked by. */
    default Set<MemberId> blockedAmong(MemberId member, Collection<MemberId> others) {
        return others.stream().filter(other -> blockedEitherWay(member, other)).collect(Collectors.toSet());
    }
}
