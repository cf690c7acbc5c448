package org.cinely.platform.web;

import org.cinely.platform.MemberId;

/**
 * A number the header shows a signed-in member, such as their new connection requests. A module
 * declares one as a bean; {@link HeaderCounts} puts it into the model of every rendered page under
 * {@link #attribute()}, for the layout to show.
 */
public interface HeaderCount {

    /** The model attribute the layout reads. */
    String attribute();

    /** The member's count now; one cheap, indexed query (it runs on every page they view). */
    int count(MemberId member);
}
