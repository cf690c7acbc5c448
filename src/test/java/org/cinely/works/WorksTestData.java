package org.cinely.works;

import org.cinely.test.ModuleTestData;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** The works of a test's members (credits, likes and comments go with their work by cascade). */
@TestComponent
@Order(40)
public class WorksTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    WorksTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void removeMembersAfter(long mark) {
        jdbc.update("delete from works where owner_id > ?", mark);
    }
}
