package org.cinely.accounts;

import java.sql.Statement;
import org.cinely.test.TestMembers.Member;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Job listings and applications as rows, for the tests of a member's data (the jobs module's cleanup removes them). */
final class JobRows {

    private JobRows() {}

    static long listing(JdbcTemplate jdbc, Member poster) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement(
                            "insert into job_listings (poster_id, title, production_title, production_type, company,"
                                    + " remote, start_date, compensation, union_status, description, wants_reel,"
                                    + " wants_credits, wants_cover_note, status, created_at, updated_at, expires_at)"
                                    + " values (?, 'Gaffer', 'Night Shoot', 'SHORT', 'Acme Films', false,"
                                    + " current_date, 'PAID', 'EITHER', 'Three nights in Berlin', false, false, true,"
                                    + " 'OPEN', now(6), now(6), now(6) + interval 30 day)",
                            Statement.RETURN_GENERATED_KEYS);
                    insert.setLong(1, poster.id());
                    return insert;
                },
                key);
        return key.getKey().longValue();
    }

    static void apply(JdbcTemplate jdbc, Member applicant, long listing) {
        jdbc.update(
                "insert into job_applications (job_id, applicant_id, applicant_handle, applicant_name,"
                        + " applicant_crafts, cover_note, work_count, status, created_at, updated_at)"
                        + " values (?, ?, ?, ?, 'gaffer', 'I have my own truck', 0, 'NEW', now(6), now(6))",
                listing,
                applicant.id(),
                applicant.handle(),
                applicant.displayName());
    }
}
