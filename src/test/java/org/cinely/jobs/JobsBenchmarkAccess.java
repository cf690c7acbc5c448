package org.cinely.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cinely.platform.admin.AdminMetrics;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;

/**
 * What benchmarks need of the jobs module: its dashboard figures on a given database (admin
 * dashboard benchmark) and generated listings on the board (page speed load test).
 */
public final class JobsBenchmarkAccess {

    private JobsBenchmarkAccess() {}

    public static AdminMetrics metrics(DSLContext dsl, Clock clock) {
        return new JobsMetrics(dsl, clock);
    }

    /**
     * Puts {@code count} generated listings on the board ({@link JobListingGenerator}), shared out
     * evenly between the given posters, {@code openShare} of them open now.
     */
    public static void generateListings(DSLContext dsl, int count, double openShare, List<Long> posters) {
        JobListingGenerator generator = new JobListingGenerator(dsl);
        var now = Sql.utc(Instant.now());
        for (int i = 0; i < posters.size(); i++) {
            int share = count / posters.size() + (i < count % posters.size() ? 1 : 0);
            generator.generate(share, openShare, posters.get(i), now);
        }
        dsl.execute("ANALYZE TABLE job_listings, job_listing_crafts, job_search");
    }

    /**
     * Removes what earlier load tests did on the board, marked as theirs (listings by
     * {@code company}, applications whose cover note contains {@code coverNoteMark}); a listing's
     * crafts, search row, applications and saved-search matches go with it (foreign keys cascade).
     * Returns the ids of the listings the removed rows were about, for the feed to forget.
     */
    public static List<Long> removeLoadTestWrites(DSLContext dsl, String company, String coverNoteMark) {
        List<Long> about = dsl
                .fetchValues(
                        "select id from job_listings where company = ?"
                                + " union select job_id from job_applications where cover_note like ?",
                        company,
                        "%" + coverNoteMark + "%")
                .stream()
                .map(id -> ((Number) id).longValue())
                .toList();
        dsl.execute("delete from job_applications where cover_note like ?", "%" + coverNoteMark + "%");
        dsl.execute("delete from job_listings where company = ?", company);
        return about;
    }
}
