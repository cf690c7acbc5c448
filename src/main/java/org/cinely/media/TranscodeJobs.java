package org.cinely.media;

import static org.cinely.media.jooq.Tables.TRANSCODE_JOBS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.cinely.media.jooq.tables.records.TranscodeJobsRecord;
import org.cinely.platform.search.Sql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * transcode_jobs, the state machine: QUEUED -> RUNNING -> READY | FAILED, with attempts and a
 * back-off (not_before). Every transition names the state it leaves, so a duplicate or late
 * callback finds nothing to change, and is fenced by the claim's token: each claim (and each
 * check of a remote job) gets a fresh one, so a worker that lost its claim (paused past
 * {@link TranscodeWorker#ABANDONED_AFTER} while another node took the job, or its asset deleted)
 * changes nothing, and a job never runs twice at once.
 */
@Repository
class TranscodeJobs {

    record Job(
            long id,
            long assetId,
            String state,
            int attempts,
            String transcoder,
            String externalId,
            String claimToken) {}

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String READY = "READY";
    static final String FAILED = "FAILED";

    private final DSLContext dsl;
    private final Clock clock;

    TranscodeJobs(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return Sql.utc(clock.instant());
    }

    void enqueue(long assetId) {
        dsl.insertInto(TRANSCODE_JOBS)
                .set(TRANSCODE_JOBS.ASSET_ID, assetId)
                .set(TRANSCODE_JOBS.STATE, QUEUED)
                .set(TRANSCODE_JOBS.ATTEMPTS, 0)
                .set(TRANSCODE_JOBS.NOT_BEFORE, now())
                .set(TRANSCODE_JOBS.CREATED_AT, now())
                .set(TRANSCODE_JOBS.UPDATED_AT, now())
                .execute();
    }

    /**
     * Claims the oldest due job. SKIP LOCKED (MySQL 8.0+, MariaDB 10.6+) lets several nodes poll
     * at once without waiting on, or taking, each other's rows.
     */
    @Transactional
    Optional<Job> claim(String node, String transcoder) {
        Optional<Long> id = dsl.select(TRANSCODE_JOBS.ID)
                .from(TRANSCODE_JOBS)
                .where(TRANSCODE_JOBS.STATE.eq(QUEUED))
                .and(TRANSCODE_JOBS.NOT_BEFORE.le(now()))
                .orderBy(TRANSCODE_JOBS.ID)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional(TRANSCODE_JOBS.ID);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        dsl.update(TRANSCODE_JOBS)
                .set(TRANSCODE_JOBS.STATE, RUNNING)
                .set(TRANSCODE_JOBS.ATTEMPTS, TRANSCODE_JOBS.ATTEMPTS.plus(1))
                .set(TRANSCODE_JOBS.TRANSCODER, transcoder)
                .setNull(TRANSCODE_JOBS.EXTERNAL_ID)
                .set(TRANSCODE_JOBS.CLAIMED_BY, node)
                .set(TRANSCODE_JOBS.CLAIM_TOKEN, token())
                .set(TRANSCODE_JOBS.HEARTBEAT_AT, now())
                .set(TRANSCODE_JOBS.UPDATED_AT, now())
                .where(TRANSCODE_JOBS.ID.eq(id.get()))
                .execute();
        return find(id.get());
    }

    private static String token() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The transitions' fence: the row still carries the token this holder got. */
    private static Condition heldBy(Job job) {
        return TRANSCODE_JOBS
                .ID
                .eq(job.id())
                .and(TRANSCODE_JOBS.STATE.eq(RUNNING))
                .and(
                        job.claimToken() == null
                                ? TRANSCODE_JOBS.CLAIM_TOKEN.isNull()
                                : TRANSCODE_JOBS.CLAIM_TOKEN.eq(job.claimToken()));
    }

    /**
     * Takes a submitted remote job for one check (the poller and a notification may both try):
     * the first gets a fresh token; another gets nothing until it is released or went stale.
     */
    @Transactional
    Optional<Job> leaseRemote(long id, Duration staleAfter) {
        String token = token();
        int taken = dsl.update(TRANSCODE_JOBS)
                .set(TRANSCODE_JOBS.CLAIM_TOKEN, token)
                .set(TRANSCODE_JOBS.HEARTBEAT_AT, now())
                .where(TRANSCODE_JOBS.ID.eq(id))
                .and(TRANSCODE_JOBS.STATE.eq(RUNNING))
                .and(TRANSCODE_JOBS.EXTERNAL_ID.isNotNull())
                .and(TRANSCODE_JOBS
                        .CLAIM_TOKEN
                        .isNull()
                        .or(TRANSCODE_JOBS.HEARTBEAT_AT.lt(
                                Sql.utc(clock.instant().minus(staleAfter)))))
                .execute();
        return taken == 1 ? find(id).filter(job -> token.equals(job.claimToken())) : Optional.empty();
    }

    /** Ends a remote check's lease (a no-op once the job moved on). */
    void release(Job job) {
        dsl.update(TRANSCODE_JOBS)
                .setNull(TRANSCODE_JOBS.CLAIM_TOKEN)
                .where(heldBy(job))
                .and(TRANSCODE_JOBS.EXTERNAL_ID.isNotNull())
                .execute();
    }

    Optional<Job> find(long id) {
        return first(TRANSCODE_JOBS.ID.eq(id));
    }

    Optional<Job> latestForAsset(long assetId) {
        return first(TRANSCODE_JOBS.ASSET_ID.eq(assetId));
    }

    Optional<Job> findByExternalId(String transcoder, String externalId) {
        return first(TRANSCODE_JOBS.TRANSCODER.eq(transcoder).and(TRANSCODE_JOBS.EXTERNAL_ID.eq(externalId)));
    }

    /** The newest job that matches. */
    private Optional<Job> first(Condition where) {
        return dsl.selectFrom(TRANSCODE_JOBS)
                .where(where)
                .orderBy(TRANSCODE_JOBS.ID.desc())
                .limit(1)
                .fetchOptional(TranscodeJobs::job);
    }

    List<Job> runningRemote(String transcoder) {
        return dsl.selectFrom(TRANSCODE_JOBS)
                .where(TRANSCODE_JOBS.STATE.eq(RUNNING))
                .and(TRANSCODE_JOBS.TRANSCODER.eq(transcoder))
                .and(TRANSCODE_JOBS.EXTERNAL_ID.isNotNull())
                .fetch(TranscodeJobs::job);
    }

    private static Job job(TranscodeJobsRecord r) {
        return new Job(
                r.getId(),
                r.getAssetId(),
                r.getState(),
                r.getAttempts(),
                r.getTranscoder(),
                r.getExternalId(),
                r.getClaimToken());
    }

    /** Handed to the remote transcoder: any node's poll checks it from now on (the claim ends). */
    boolean submitted(Job job, String externalId) {
        return dsl.update(TRANSCODE_JOBS)
                        .set(TRANSCODE_JOBS.EXTERNAL_ID, externalId)
                        .setNull(TRANSCODE_JOBS.CLAIM_TOKEN)
                        .set(TRANSCODE_JOBS.HEARTBEAT_AT, now())
                        .set(TRANSCODE_JOBS.UPDATED_AT, now())
                        .where(heldBy(job))
                        .execute()
                == 1;
    }

    /** Still ours: beats (and records progress when given); false once the claim is lost. */
    boolean heartbeat(Job job, Integer progress) {
        var update = dsl.update(TRANSCODE_JOBS).set(TRANSCODE_JOBS.HEARTBEAT_AT, now());
        if (progress != null) {
            update = update.set(TRANSCODE_JOBS.PROGRESS, progress);
        }
        return update.set(TRANSCODE_JOBS.UPDATED_AT, now()).where(heldBy(job)).execute() == 1;
    }

    /** RUNNING -> READY; false when the job had already left RUNNING (a duplicate) or is not ours. */
    boolean finished(Job job) {
        return dsl.update(TRANSCODE_JOBS)
                        .set(TRANSCODE_JOBS.STATE, READY)
                        .set(TRANSCODE_JOBS.PROGRESS, 100)
                        .set(TRANSCODE_JOBS.FINISHED_AT, now())
                        .set(TRANSCODE_JOBS.UPDATED_AT, now())
                        .setNull(TRANSCODE_JOBS.LAST_ERROR)
                        .setNull(TRANSCODE_JOBS.CLAIM_TOKEN)
                        .where(heldBy(job))
                        .execute()
                == 1;
    }

    boolean failed(Job job, String error) {
        return dsl.update(TRANSCODE_JOBS)
                        .set(TRANSCODE_JOBS.STATE, FAILED)
                        .set(TRANSCODE_JOBS.LAST_ERROR, truncate(error))
                        .set(TRANSCODE_JOBS.FINISHED_AT, now())
                        .set(TRANSCODE_JOBS.UPDATED_AT, now())
                        .setNull(TRANSCODE_JOBS.CLAIM_TOKEN)
                        .where(heldBy(job))
                        .execute()
                == 1;
    }

    /** RUNNING -> QUEUED after a delay; an unavailable transcoder does not use up an attempt. */
    boolean retryLater(Job job, Duration delay, String error, boolean countAttempt) {
        return dsl.update(TRANSCODE_JOBS)
                        .set(TRANSCODE_JOBS.STATE, QUEUED)
                        .set(TRANSCODE_JOBS.NOT_BEFORE, Sql.utc(clock.instant().plus(delay)))
                        .set(TRANSCODE_JOBS.LAST_ERROR, truncate(error))
                        .setNull(TRANSCODE_JOBS.CLAIMED_BY)
                        .setNull(TRANSCODE_JOBS.CLAIM_TOKEN)
                        .setNull(TRANSCODE_JOBS.EXTERNAL_ID)
                        .set(TRANSCODE_JOBS.ATTEMPTS, TRANSCODE_JOBS.ATTEMPTS.minus(countAttempt ? 0 : 1))
                        .set(TRANSCODE_JOBS.UPDATED_AT, now())
                        .where(heldBy(job))
                        .execute()
                == 1;
    }

    /** FAILED -> QUEUED with fresh attempts (the owner pressed retry). */
    boolean retryNow(long id) {
        return dsl.update(TRANSCODE_JOBS)
                        .set(TRANSCODE_JOBS.STATE, QUEUED)
                        .set(TRANSCODE_JOBS.ATTEMPTS, 0)
                        .set(TRANSCODE_JOBS.NOT_BEFORE, now())
                        .setNull(TRANSCODE_JOBS.LAST_ERROR)
                        .setNull(TRANSCODE_JOBS.EXTERNAL_ID)
                        .setNull(TRANSCODE_JOBS.FINISHED_AT)
                        .set(TRANSCODE_JOBS.UPDATED_AT, now())
                        .where(TRANSCODE_JOBS.ID.eq(id))
                        .and(TRANSCODE_JOBS.STATE.eq(FAILED))
                        .execute()
                == 1;
    }

    /**
     * Local jobs whose worker stopped beating (a crash or a restart) go back to the queue; the
     * next run skips the renditions already stored, so the job resumes where it stopped.
     */
    int requeueAbandoned(Instant heartbeatBefore) {
        return dsl.update(TRANSCODE_JOBS)
                .set(TRANSCODE_JOBS.STATE, QUEUED)
                .setNull(TRANSCODE_JOBS.CLAIMED_BY)
                .setNull(TRANSCODE_JOBS.CLAIM_TOKEN)
                .set(TRANSCODE_JOBS.NOT_BEFORE, now())
                .set(TRANSCODE_JOBS.UPDATED_AT, now())
                .where(TRANSCODE_JOBS.STATE.eq(RUNNING))
                .and(TRANSCODE_JOBS.EXTERNAL_ID.isNull())
                .and(TRANSCODE_JOBS.HEARTBEAT_AT.lt(Sql.utc(heartbeatBefore)))
                .execute();
    }

    /** Jobs this node claimed and still runs locally (not yet handed to a remote transcoder). */
    List<Job> claimedLocallyBy(String node) {
        return dsl.selectFrom(TRANSCODE_JOBS)
                .where(TRANSCODE_JOBS.STATE.eq(RUNNING))
                .and(TRANSCODE_JOBS.CLAIMED_BY.eq(node))
                .and(TRANSCODE_JOBS.EXTERNAL_ID.isNull())
                .fetch(TranscodeJobs::job);
    }

    /**
     * RUNNING -> QUEUED at once, the attempt given back: the node that claimed the job stops (a
     * graceful shutdown) or lost the database mid-way, through no fault of the video. Any node
     * may claim it now, and resumes after the renditions already stored. Only the claiming node
     * hands a job back, and only before a remote transcoder has it.
     */
    boolean handBack(long id, String node) {
        return dsl.update(TRANSCODE_JOBS)
                        .set(TRANSCODE_JOBS.STATE, QUEUED)
                        .set(TRANSCODE_JOBS.NOT_BEFORE, now())
                        .setNull(TRANSCODE_JOBS.CLAIMED_BY)
                        .setNull(TRANSCODE_JOBS.CLAIM_TOKEN)
                        .set(
                                TRANSCODE_JOBS.ATTEMPTS,
                                org.jooq.impl.DSL.greatest(
                                        TRANSCODE_JOBS.ATTEMPTS.minus(1), org.jooq.impl.DSL.inline(0)))
                        .set(TRANSCODE_JOBS.UPDATED_AT, now())
                        .where(TRANSCODE_JOBS.ID.eq(id))
                        .and(TRANSCODE_JOBS.STATE.eq(RUNNING))
                        .and(TRANSCODE_JOBS.CLAIMED_BY.eq(node))
                        .and(TRANSCODE_JOBS.EXTERNAL_ID.isNull())
                        .execute()
                == 1;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
