package org.cinely.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * media_assets through plain SQL: updates are small, targeted and often conditional on the
 * current state (so a late callback cannot move an asset backwards), which JPA would obscure.
 */
@Repository
class MediaAssets {

    private final JdbcClient jdbc;
    private final Clock clock;

    MediaAssets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    long create(MemberId owner, String target, String token, long length, String filename) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into media_assets (owner_id, target, upload_token, state, upload_length, upload_offset,"
                        + " filename, created_at, updated_at) values (?, ?, ?, 'UPLOADING', ?, 0, ?, ?, ?)")
                .params(owner.value(), target, token, length, filename, now(), now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Asset> find(long id) {
        return jdbc.sql("select * from media_assets where id = ?")
                .param(id)
                .query(MediaAssets::map)
                .optional();
    }

    List<Asset> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from media_assets where id in (:ids)")
                .param("ids", ids)
                .query(MediaAssets::map)
                .list();
    }

    Optional<Asset> findByToken(String token) {
        return jdbc.sql("select * from media_assets where upload_token = ?")
                .param(token)
                .query(MediaAssets::map)
                .optional();
    }

    /** Bytes a member uses or has announced (uploads in progress count at their full length). */
    /**
     * Locks the member's quota until the transaction ends: of two uploads announced at the same
     * moment, the second sees the first's reservation.
     */
    void lockQuota(MemberId owner) {
        // One statement that creates the row if needed and holds it exclusively (an INSERT IGNORE
        // then SELECT ... FOR UPDATE deadlocks: both racers take a shared lock, then wait for each other).
        jdbc.sql("insert into media_member_locks (owner_id) values (?) on duplicate key update owner_id = owner_id")
                .param(owner.value())
                .update();
    }

    long usedBytes(MemberId owner) {
        Long used = jdbc.sql("select coalesce(sum(case when state = 'UPLOADING' then upload_length"
                        + " else stored_bytes end), 0) from media_assets where owner_id = ? and state <> 'REJECTED'")
                .param(owner.value())
                .query(Long.class)
                .single();
        return used == null ? 0 : used;
    }

    /** Moves the offset forward only from the expected value (two PATCHes cannot both win). */
    boolean advanceOffset(long id, long expected, long next) {
        return jdbc.sql("update media_assets set upload_offset = ?, updated_at = ? where id = ? and upload_offset = ?"
                                + " and state = 'UPLOADING'")
                        .params(next, now(), id, expected)
                        .update()
                == 1;
    }

    void uploaded(long id, String sourceKey, long bytes) {
        jdbc.sql("update media_assets set state = 'WAITING', source_key = ?, stored_bytes = ?, progress = 0,"
                        + " updated_at = ? where id = ?")
                .params(sourceKey, bytes, now(), id)
                .update();
    }

    void probed(long id, long durationMs, int width, int height, String codec, boolean hasAudio, double fps) {
        jdbc.sql("update media_assets set duration_ms = ?, width = ?, height = ?, video_codec = ?, has_audio = ?,"
                        + " frame_rate = ?, updated_at = ? where id = ?")
                .params(durationMs, width, height, codec, hasAudio, fps, now(), id)
                .update();
    }

    void rejected(long id, String reason) {
        jdbc.sql("update media_assets set state = 'REJECTED', failure_reason = ?, source_key = null, stored_bytes = 0,"
                        + " renditions = null, updated_at = ? where id = ?")
                .params(reason, now(), id)
                .update();
    }

    void state(long id, MediaState state, String failureReason) {
        jdbc.sql("update media_assets set state = ?, failure_reason = ?, updated_at = ? where id = ?"
                        + " and state not in ('REJECTED')")
                .params(state.name(), failureReason, now(), id)
                .update();
    }

    void progress(long id, int percent) {
        jdbc.sql("update media_assets set progress = ?, updated_at = ? where id = ? and state = 'TRANSCODING'")
                .params(percent, now(), id)
                .update();
    }

    void renditions(long id, List<Integer> heights, long extraBytes) {
        String list = String.join(",", heights.stream().map(String::valueOf).toList());
        jdbc.sql("update media_assets set renditions = ?, stored_bytes = stored_bytes + ?, updated_at = ?"
                        + " where id = ?")
                .params(list.isEmpty() ? null : list, extraBytes, now(), id)
                .update();
    }

    void poster(long id, String key) {
        jdbc.sql("update media_assets set poster_key = ?, updated_at = ? where id = ?")
                .params(key, now(), id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from media_assets where id = ?").param(id).update();
    }

    /** Uploads nobody has touched for a day: their partial bytes are dropped. */
    List<Asset> staleUploads(java.time.Instant before) {
        return jdbc.sql("select * from media_assets where state = 'UPLOADING' and updated_at < ?")
                .param(Timestamp.from(before))
                .query(MediaAssets::map)
                .list();
    }

    private static Asset map(ResultSet rs, int row) throws SQLException {
        return new Asset(
                rs.getLong("id"),
                MemberId.of(rs.getLong("owner_id")),
                rs.getString("target"),
                rs.getString("upload_token"),
                MediaState.valueOf(rs.getString("state")),
                rs.getLong("upload_length"),
                rs.getLong("upload_offset"),
                rs.getString("filename"),
                rs.getString("source_key"),
                (Long) rs.getObject("duration_ms", Long.class),
                (Integer) rs.getObject("width", Integer.class),
                (Integer) rs.getObject("height", Integer.class),
                rs.getString("video_codec"),
                (Double) rs.getObject("frame_rate", Double.class),
                rs.getBoolean("has_audio"),
                rs.getString("renditions"),
                rs.getString("poster_key"),
                rs.getInt("progress"),
                rs.getString("failure_reason"),
                rs.getLong("stored_bytes"),
                rs.getTimestamp("created_at").toInstant());
    }
}
