package org.cinely.works;

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
}
