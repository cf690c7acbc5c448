package org.cinely.platform.account;

import java.io.IOException;
import org.cinely.platform.MemberId;

/**
 * One module's part of a member's data (one bean per module), used only by the accounts module:
 * to write it into the member's download ({@link #export}) and to remove or anonymise it once
 * the member's account is deleted for good ({@link #erase}).
 */
public interface MemberData {

    /**
     * The order parts are written and erased in (lower first). Erasure runs the dependent modules
     * first: works (and their media files) before media's leftovers, everything before accounts.
     */
    int order();

    /** Writes this module's part of the member's data into the archive (JSON, and files). */
    void export(MemberId member, MemberDataArchive archive) throws IOException;

    /**
     * Removes or anonymises everything this module keeps of the member, stored files included.
     * Joins the caller's transaction; must be safe to run again (a second run finds nothing).
     */
    void erase(MemberId member);
}
