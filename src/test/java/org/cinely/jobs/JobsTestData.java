package org.cinely.jobs;

import org.cinely.test.ModuleTestData;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** The jobs of a test's members (crafts, search rows and matches go with their listing by cascade). */
@TestComponent
@Order(30)
public class JobsTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    JobsTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void removeMembersAfter(long mark) {
        jdbc.update("delete from job_saved_searches where member_id > ?", mark);
        jdbc.update("delete from job_applications where applicant_id > ?", mark);
        jdbc.update("delete from job_listings where poster_id > ?", mark);
    }
}
