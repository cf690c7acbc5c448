package org.cinely.connections;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.cinely.test.ModuleTestData;
import org.cinely.test.TestMembers.Member;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** Connections between test members, made as rows, and their removal after a test. */
@TestComponent
@Order(60)
public class ConnectionsTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    public ConnectionsTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Connects two members at once, both directions, as accepting a request would. */
    public void connect(Member a, Member b) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update(
                "insert into connections (member_id, other_id, created_at) values (?, ?, ?), (?, ?, ?)",
                a.id(),
                b.id(),
                now,
                b.id(),
                a.id(),
                now);
    }

    @Override
    public void removeMembersAfter(long mark) {
        jdbc.update("delete from connections where member_id > ? or other_id > ?", mark, mark);
        jdbc.update("delete from connection_requests where requester_id > ? or recipient_id > ?", mark, mark);
        jdbc.update("delete from member_blocks where blocker_id > ? or blocked_id > ?", mark, mark);
        jdbc.update("delete from suggestion_dismissals where member_id > ? or dismissed_id > ?", mark, mark);
        jdbc.update("delete from connection_removals where remover_id > ? or other_id > ?", mark, mark);
    }
}
