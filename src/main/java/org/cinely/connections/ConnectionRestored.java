package org.cinely.connections;

import org.cinely.platform.MemberId;

/**
 * A member put back a connection they had removed (an undo): the two are connected again as
 * before. Not a new connection, so nothing announces it.
 */
public record ConnectionRestored(MemberId restorer, MemberId other) {}
