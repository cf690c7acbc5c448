package org.cinely.moderation;

import org.cinely.test.ModuleTestData;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** Moderation's rows of a test's members; the audit log is append-only and stays, as in production. */
@TestComponent
@Order(20)
public class ModerationTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    ModerationTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void removeMembersAfter(long mark) {
        jdbc.update("delete from moderation_appeals where member_id > ?", mark);
        jdbc.update("delete from moderation_decisions where member_id > ?", mark);
        jdbc.update(
                "delete from moderation_reports where reporter_id > ? or case_id in"
                        + " (select id from moderation_cases where author_id > ?)",
                mark,
                mark);
        jdbc.update("delete from moderation_cases where author_id > ?", mark);
    }
}
