package org.cinely.works;

import org.cinely.platform.MemberId;

/**
 * Whether two members are connected, for connections-only works. The connections module
 * provides the real answer; until it does, {@link WorksConfiguration} supplies one that
 * says no to everyone (only the owner sees a connections-only work), which errs on privacy.
 */
public interface ConnectionChecker {

    boolean connected(MemberId a, MemberId b);
}
