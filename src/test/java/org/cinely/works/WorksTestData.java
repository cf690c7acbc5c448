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

    /**
     * Adds {@code count} public works that play (no media behind them), titled "{prefix} 000",
     * "{prefix} 001", ... from the oldest to the newest; returns their ids in that order.
     */
    public java.util.List<Long> playableWorks(long owner, String prefix, int count) {
        java.time.LocalDateTime start = java.time.LocalDateTime.now().minusDays(count);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            java.sql.Timestamp at = java.sql.Timestamp.valueOf(start.plusHours(i));
            String title = String.format("%s %03d", prefix, i);
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.update(
                    connection -> {
                        var insert = connection.prepareStatement(
                                "insert into works (owner_id, title, production_type, visibility, playable,"
                                        + " published_at, created_at, updated_at)"
                                        + " values (?, ?, 'SHORT', 'PUBLIC', true, ?, ?, ?)",
                                java.sql.Statement.RETURN_GENERATED_KEYS);
                        insert.setLong(1, owner);
                        insert.setString(2, title);
                        insert.setTimestamp(3, at);
                        insert.setTimestamp(4, at);
                        insert.setTimestamp(5, at);
                        return insert;
                    },
                    key);
            ids.add(key.getKey().longValue());
        }
        return ids;
    }

    /** Credits the member, confirmed, on each of the given works. */
    public void confirmedCredits(long member, java.util.List<Long> works, String craft) {
        for (long work : works) {
            jdbc.update(
                    "insert into work_credits (work_id, member_id, craft, confirmed, created_at) values (?, ?, ?, true, now(6))",
                    work,
                    member,
                    craft);
        }
    }

    @Override
    public void removeMembersAfter(long mark) {
        jdbc.update("delete from works where owner_id > ?", mark);
    }
}
