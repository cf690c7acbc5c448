package org.cinely.jobs;

import org.cinely.platform.MemberId;
import org.cinely.platform.web.HeaderCount;
import org.springframework.stereotype.Component;

/**
 * The header's count of new listings that matched the member's saved searches (the in-app half of
 * saved-search alerts; the mail is the other). They count as seen once the member marks them so on
 * the saved-searches page.
 */
@Component
class SavedSearchBadge implements HeaderCount {

    static final String ATTRIBUTE = "savedSearchMatchCount";

    private final SavedSearchService savedSearches;

    SavedSearchBadge(SavedSearchService savedSearches) {
        this.savedSearches = savedSearches;
    }

    @Override
    public String attribute() {
        return ATTRIBUTE;
    }

    @Override
    public int count(MemberId member) {
        return savedSearches.unseenCount(member);
    }
}
