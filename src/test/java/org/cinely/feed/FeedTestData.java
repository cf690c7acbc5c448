package org.cinely.feed;

import org.cinely.test.ModuleTestData;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** The feed's rows of a test's members: timelines, activities, notifications and their mail. */
@TestComponent
@Order(10)
public class FeedTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    FeedTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void removeMembersAfter(long mark) {
        jdbc.update("delete from feed_timeline where member_id > ?", mark);
        jdbc.update("delete from feed_activities where actor_id > ?", mark);
        jdbc.update("delete from notifications where recipient_id > ?", mark);
        jdbc.update("delete from notification_mail where recipient_id > ?", mark);
        jdbc.update("delete from notification_preferences where member_id > ?", mark);
        jdbc.update("delete from notification_digests where member_id > ?", mark);
        jdbc.update("delete from live_events where member_id > ?", mark);
    }
}
