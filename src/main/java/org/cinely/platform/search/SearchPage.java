package org.cinely.platform.search;

import java.util.List;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of search results whose total may be an estimate ({@link TextSearchPlanner.Access#RECENT}
 * stops reading after one page, so it cannot count): pages say "about 4,300 members" then.
 */
public class SearchPage<T> extends PageImpl<T> {

    private final boolean estimated;
    private final TextSearchPlanner.Access access;
    private final boolean unranked;

    /** @param access how the rows were read; {@code null} for a search without words */
    public SearchPage(
            List<T> content, Pageable pageable, long total, boolean estimated, TextSearchPlanner.Access access) {
        this(
                content,
                pageable,
                total,
                estimated,
                access,
                access != null && access != TextSearchPlanner.Access.FULL_TEXT);
    }

    /** @param unranked words were searched but the rows are not ranked by relevance */
    public SearchPage(
            List<T> content,
            Pageable pageable,
            long total,
            boolean estimated,
            TextSearchPlanner.Access access,
            boolean unranked) {
        super(content, pageable, total);
        this.estimated = estimated;
        this.access = access;
        this.unranked = unranked;
    }

    public boolean isEstimated() {
        return estimated;
    }

    /** Words were searched but the rows are not ranked by relevance (they were too common). */
    public boolean isUnranked() {
        return unranked;
    }

    /** How the rows were read (for benchmarks and logs); {@code null} for a search without words. */
    public TextSearchPlanner.Access access() {
        return access;
    }
}
