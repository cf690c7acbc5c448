package org.cinely.media;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * transcode_jobs, the state machine: QUEUED -> RUNNING -> READY | FAILED, with attempts and a
 * back-off (not_before). Every transition names the state it leaves, so a duplicate or late
 * callback finds nothing to change.
 */
@Repository
class TranscodeJobs {

    record Job(long id, long assetId, String state, int attempts, String transcoder, String externalId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    TranscodeJobs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    void enqueue(long assetId) {
        jdbc.sql("insert into transcode_jobs (asset_id, state, attempts, not_before, created_at, updated_at)"
                        + " values (?, 'QUEUED', 0, ?, ?, ?)")
                .params(assetId, now(), now(), now())
                .update();
    }

    /**
     * Claims the oldest due job. SKIP LOCKED (MySQL 8.0+, MariaDB 10.6+) lets several nodes poll
     * at once without waiting on, or taking, each other's rows.
     */
    @Transactional
    Optional<Job> claim(String node, String transcoder) {
        Optional<Long> id = jdbc.sql("select id from transcode_jobs where state = 'QUEUED' and not_before <= ?"
                        + " order by id limit 1 for update skip locked")
                .param(now())
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update transcode_jobs set state = 'RUNNING', attempts = attempts + 1, transcoder = ?,"
                        + " external_id = null, claimed_by = ?, heartbeat_at = ?, updated_at = ? where id = ?")
                .params(transcoder, node, now(), now(), id.get())
                .update();
        return find(id.get());
    }

    Optional<Job> find(long id) {
        return jdbc.sql(
                        "select id, asset_id, state, attempts, transcoder, external_id from transcode_jobs where id = ?")
                .param(id)
                .query((rs, row) -> new Job(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    Optional<Job> latestForAsset(long assetId) {
        return jdbc.sql("select id, asset_id, state, attempts, transcoder, external_id from transcode_jobs"
                        + " where asset_id = ? order by id desc limit 1")
                .param(assetId)
                .query((rs, row) -> new Job(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    Optional<Job> findByExternalId(String transcoder, String externalId) {
        return jdbc.sql("select id, asset_id, state, attempts, transcoder, external_id from transcode_jobs"
                        + " where transcoder = ? and external_id = ? order by id desc limit 1")
                .params(transcoder, externalId)
                .query((rs, row) -> new Job(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    List<Job> runningRemote(String transcoder) {
        return jdbc.sql("select id, asset_id, state, attempts, transcoder, external_id from transcode_jobs"
                        + " where state = 'RUNNING' and transcoder = ? and external_id is not null")
                .param(transcoder)
                .query((rs, row) -> new Job(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    void submitted(long id, String externalId) {
        jdbc.sql("update transcode_jobs set external_id = ?, heartbeat_at = ?, updated_at = ? where id = ?"
                        + " and state = 'RUNNING'")
                .params(externalId, now(), now(), id)
                .update();
    }

    void heartbeat(long id, int progress) {
        jdbc.sql("update transcode_jobs set progress = ?, heartbeat_at = ?, updated_at = ? where id = ?"
                        + " and state = 'RUNNING'")
                .params(progress, now(), now(), id)
                .update();
    }

    /** RUNNING -> READY; false when the job had already left RUNNING (a duplicate). */
    boolean finished(long id) {
        return jdbc.sql("update transcode_jobs set state = 'READY', progress = 100, finished_at = ?, updated_at = ?,"
                                + " last_error = null where id = ? and state = 'RUNNING'")
                        .params(now(), now(), id)
                        .update()
                == 1;
    }

    boolean failed(long id, String error) {
        return jdbc.sql("update transcode_jobs set state = 'FAILED', last_error = ?, finished_at = ?, updated_at = ?"
                                + " where id = ? and state = 'RUNNING'")
                        .params(truncate(error), now(), now(), id)
                        .update()
                == 1;
    }

    /** RUNNING -> QUEUED after a delay; an unavailable transcoder does not use up an attempt. */
    boolean retryLater(long id, Duration delay, String error, boolean countAttempt) {
        return jdbc.sql(
                                "update transcode_jobs set state = 'QUEUED', not_before = ?, last_error = ?, claimed_by = null,"
                                        + " external_id = null, attempts = attempts - ?, updated_at = ? where id = ? and state = 'RUNNING'")
                        .params(
                                Timestamp.from(clock.instant().plus(delay)),
                                truncate(error),
                                countAttempt ? 0 : 1,
                                now(),
                                id)
                        .update()
                == 1;
    }

    /** FAILED -> QUEUED with fresh attempts (the owner pressed retry). */
    boolean retryNow(long id) {
        return jdbc.sql(
                                "update transcode_jobs set state = 'QUEUED', attempts = 0, not_before = ?, last_error = null,"
                                        + " external_id = null, finished_at = null, updated_at = ? where id = ? and state = 'FAILED'")
                        .params(now(), now(), id)
                        .update()
                == 1;
    }

    /**
     * Local jobs whose worker stopped beating (a crash or a restart) go back to the queue; the
     * next run skips the renditions already stored, so the job resumes where it stopped.
     */
    int requeueAbandoned(Instant heartbeatBefore) {
        return jdbc.sql("update transcode_jobs set state = 'QUEUED', claimed_by = null, not_before = ?,"
                        + " updated_at = ? where state = 'RUNNING' and external_id is null and heartbeat_at < ?")
                .params(now(), now(), Timestamp.from(heartbeatBefore))
                .update();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
