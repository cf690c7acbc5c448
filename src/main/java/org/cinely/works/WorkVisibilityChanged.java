package org.cinely.works;

import org.cinely.platform.MemberId;

/** The owner changed who may see a work; a narrower audience retracts what others were shown. */
public record WorkVisibilityChanged(long workId, MemberId owner, Visibility before, Visibility after) {

    /** Fewer people may see it now than before. */
    public boolean narrowed() {
        return after.ordinal() > before.ordinal();
    }
}
