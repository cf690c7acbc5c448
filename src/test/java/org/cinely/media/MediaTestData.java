package org.cinely.media;

import org.cinely.test.ModuleTestData;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** The media rows of a test's members; their files live under target/test-data and go with it. */
@TestComponent
@Order(50)
public class MediaTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    public MediaTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A transcoded asset as the pipeline leaves it (ready, one 360p rendition, a poster, 2 s); the
     * caller writes its files under {@code assets/{id}/hls}. Returns the asset's id.
     */
    public long readyAsset(long ownerId, String target) {
        String token = java.util.UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                "insert into media_assets (owner_id, target, upload_token, state, upload_length, upload_offset,"
                        + " renditions, poster_key, duration_ms, created_at, updated_at)"
                        + " values (?, ?, ?, 'READY', 1, 1, '360', 'hls/poster.jpg', 2000, now(6), now(6))",
                ownerId,
                target,
                token);
        return jdbc.queryForObject("select id from media_assets where upload_token = ?", Long.class, token);
    }

    @Override
    public void removeMembersAfter(long mark) {
        jdbc.update(
                "delete from transcode_jobs where asset_id in (select id from media_assets where owner_id > ?)", mark);
        jdbc.update("delete from media_assets where owner_id > ?", mark);
        jdbc.update("delete from media_member_locks where owner_id > ?", mark);
    }
}
