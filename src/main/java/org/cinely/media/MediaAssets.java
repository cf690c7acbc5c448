package org.cinely.media;

import static org.cinely.media.jooq.Tables.MEDIA_ASSETS;
import static org.cinely.media.jooq.Tables.MEDIA_MEMBER_LOCKS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cinely.media.jooq.tables.records.MediaAssetsRecord;
import org.cinely.platform.MemberId;
import org.cinely.platform.search.Sql;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * media_assets in jOOQ: updates are small, targeted and often conditional on the current state
 * (so a late callback cannot move an asset backwards), which JPA would obscure.
 */
@Repository
class MediaAssets {

    private final DSLContext dsl;
    private final Clock clock;

    MediaAssets(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return Sql.utc(clock.instant());
    }

    /** Inserts and reads the new id on the same connection (the transaction keeps it). */
    @Transactional
    long create(MemberId owner, String target, String token, long length, String filename) {
        dsl.insertInto(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.OWNER_ID, owner.value())
                .set(MEDIA_ASSETS.TARGET, target)
                .set(MEDIA_ASSETS.UPLOAD_TOKEN, token)
                .set(MEDIA_ASSETS.STATE, MediaState.UPLOADING.name())
                .set(MEDIA_ASSETS.UPLOAD_LENGTH, length)
                .set(MEDIA_ASSETS.UPLOAD_OFFSET, 0L)
                .set(MEDIA_ASSETS.FILENAME, filename)
                .set(MEDIA_ASSETS.CREATED_AT, now())
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .execute();
        // LAST_INSERT_ID(), not INSERT ... RETURNING: the MariaDB dialect renders RETURNING,
        // which Connector/J cannot run as a query.
        return dsl.lastID().longValue();
    }

    Optional<Asset> find(long id) {
        return dsl.selectFrom(MEDIA_ASSETS).where(MEDIA_ASSETS.ID.eq(id)).fetchOptional(MediaAssets::map);
    }

    /** The row, locked until the transaction ends: one update of an asset at a time. */
    Optional<Asset> findForUpdate(long id) {
        return dsl.selectFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.ID.eq(id))
                .forUpdate()
                .fetchOptional(MediaAssets::map);
    }

    List<Asset> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(MEDIA_ASSETS).where(MEDIA_ASSETS.ID.in(ids)).fetch(MediaAssets::map);
    }

    Optional<Asset> findByToken(String token) {
        return dsl.selectFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.UPLOAD_TOKEN.eq(token))
                .fetchOptional(MediaAssets::map);
    }

    /**
     * Locks the member's quota until the transaction ends: of two uploads announced at the same
     * moment, the second sees the first's reservation.
     */
    void lockQuota(MemberId owner) {
        // One statement that creates the row if needed and holds it exclusively (an INSERT IGNORE
        // then SELECT ... FOR UPDATE deadlocks: both racers take a shared lock, then wait for each other).
        dsl.insertInto(MEDIA_MEMBER_LOCKS)
                .set(MEDIA_MEMBER_LOCKS.OWNER_ID, owner.value())
                .onDuplicateKeyUpdate()
                .set(MEDIA_MEMBER_LOCKS.OWNER_ID, MEDIA_MEMBER_LOCKS.OWNER_ID)
                .execute();
    }

    /** Bytes a member uses or has announced (uploads in progress count at their full length). */
    long usedBytes(MemberId owner) {
        var perAsset = DSL.when(MEDIA_ASSETS.STATE.eq(MediaState.UPLOADING.name()), MEDIA_ASSETS.UPLOAD_LENGTH)
                .otherwise(MEDIA_ASSETS.STORED_BYTES);
        var used = dsl.select(DSL.coalesce(DSL.sum(perAsset), java.math.BigDecimal.ZERO))
                .from(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.OWNER_ID.eq(owner.value()))
                .and(MEDIA_ASSETS.STATE.ne(MediaState.REJECTED.name()))
                .fetchSingle(0, Long.class);
        return used == null ? 0 : used;
    }

    /** Moves the offset forward only from the expected value (two PATCHes cannot both win). */
    /**
     * Takes the upload for one PATCH: false while another PATCH of it is still arriving (its lease
     * not run out). A lease rather than a lock held by a connection, so any node may take the next
     * PATCH, and one whose node died frees itself.
     */
    boolean takeForPatch(long id, String token, Duration lease) {
        return dsl.update(MEDIA_ASSETS)
                        .set(MEDIA_ASSETS.PATCH_TOKEN, token)
                        .set(MEDIA_ASSETS.PATCH_UNTIL, Sql.utc(clock.instant().plus(lease)))
                        .where(MEDIA_ASSETS.ID.eq(id))
                        .and(MEDIA_ASSETS.PATCH_TOKEN.isNull().or(MEDIA_ASSETS.PATCH_UNTIL.lt(now())))
                        .execute()
                == 1;
    }

    /** A long PATCH keeps its lease while bytes keep arriving. */
    void renewPatch(long id, String token, Duration lease) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.PATCH_UNTIL, Sql.utc(clock.instant().plus(lease)))
                .where(MEDIA_ASSETS.ID.eq(id))
                .and(MEDIA_ASSETS.PATCH_TOKEN.eq(token))
                .execute();
    }

    void releasePatch(long id, String token) {
        dsl.update(MEDIA_ASSETS)
                .setNull(MEDIA_ASSETS.PATCH_TOKEN)
                .setNull(MEDIA_ASSETS.PATCH_UNTIL)
                .where(MEDIA_ASSETS.ID.eq(id))
                .and(MEDIA_ASSETS.PATCH_TOKEN.eq(token))
                .execute();
    }

    boolean advanceOffset(long id, long expected, long next) {
        return dsl.update(MEDIA_ASSETS)
                        .set(MEDIA_ASSETS.UPLOAD_OFFSET, next)
                        .set(MEDIA_ASSETS.UPDATED_AT, now())
                        .where(MEDIA_ASSETS.ID.eq(id))
                        .and(MEDIA_ASSETS.UPLOAD_OFFSET.eq(expected))
                        .and(MEDIA_ASSETS.STATE.eq(MediaState.UPLOADING.name()))
                        .execute()
                == 1;
    }

    void uploaded(long id, String sourceKey, long bytes) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.STATE, MediaState.WAITING.name())
                .set(MEDIA_ASSETS.SOURCE_KEY, sourceKey)
                .set(MEDIA_ASSETS.STORED_BYTES, bytes)
                .set(MEDIA_ASSETS.PROGRESS, 0)
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .execute();
    }

    void probed(long id, long durationMs, int width, int height, String codec, boolean hasAudio, double fps) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.DURATION_MS, durationMs)
                .set(MEDIA_ASSETS.WIDTH, width)
                .set(MEDIA_ASSETS.HEIGHT, height)
                .set(MEDIA_ASSETS.VIDEO_CODEC, codec)
                .set(MEDIA_ASSETS.HAS_AUDIO, hasAudio)
                .set(MEDIA_ASSETS.FRAME_RATE, fps)
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .execute();
    }

    void rejected(long id, String reason) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.STATE, MediaState.REJECTED.name())
                .set(MEDIA_ASSETS.FAILURE_REASON, reason)
                .setNull(MEDIA_ASSETS.SOURCE_KEY)
                .set(MEDIA_ASSETS.STORED_BYTES, 0L)
                .setNull(MEDIA_ASSETS.RENDITIONS)
                .set(MEDIA_ASSETS.STREAMING, false)
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .execute();
    }

    /** Any state but out of REJECTED, which is final. */
    void state(long id, MediaState state, String failureReason) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.STATE, state.name())
                .set(MEDIA_ASSETS.FAILURE_REASON, failureReason)
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .and(MEDIA_ASSETS.STATE.ne(MediaState.REJECTED.name()))
                .execute();
    }

    void progress(long id, int percent) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.PROGRESS, percent)
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .and(MEDIA_ASSETS.STATE.eq(MediaState.TRANSCODING.name()))
                .execute();
    }

    void renditions(long id, List<Integer> heights, long extraBytes) {
        String list = String.join(",", heights.stream().map(String::valueOf).toList());
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.RENDITIONS, list.isEmpty() ? null : list)
                .set(MEDIA_ASSETS.STORED_BYTES, MEDIA_ASSETS.STORED_BYTES.plus(extraBytes))
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .execute();
    }

    /** Whether the renditions are being written segment by segment and already play. */
    void streaming(long id, boolean streaming) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.STREAMING, streaming)
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .execute();
    }

    void poster(long id, String key) {
        dsl.update(MEDIA_ASSETS)
                .set(MEDIA_ASSETS.POSTER_KEY, key)
                .set(MEDIA_ASSETS.UPDATED_AT, now())
                .where(MEDIA_ASSETS.ID.eq(id))
                .execute();
    }

    void delete(long id) {
        dsl.deleteFrom(MEDIA_ASSETS).where(MEDIA_ASSETS.ID.eq(id)).execute();
    }

    /** Every asset of a member (for the erasure of a deleted account). */
    List<Asset> ownedBy(MemberId owner) {
        return dsl.selectFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.OWNER_ID.eq(owner.value()))
                .fetch(MediaAssets::map);
    }

    void forgetQuotaLock(MemberId owner) {
        dsl.deleteFrom(MEDIA_MEMBER_LOCKS)
                .where(MEDIA_MEMBER_LOCKS.OWNER_ID.eq(owner.value()))
                .execute();
    }

    /** Uploads nobody has touched for a day: their partial bytes are dropped. */
    List<Asset> staleUploads(Instant before) {
        return dsl.selectFrom(MEDIA_ASSETS)
                .where(MEDIA_ASSETS.STATE.eq(MediaState.UPLOADING.name()))
                .and(MEDIA_ASSETS.UPDATED_AT.lt(Sql.utc(before)))
                .fetch(MediaAssets::map);
    }

    private static Asset map(MediaAssetsRecord r) {
        return new Asset(
                r.getId(),
                MemberId.of(r.getOwnerId()),
                r.getTarget(),
                r.getUploadToken(),
                MediaState.valueOf(r.getState()),
                r.getUploadLength(),
                r.getUploadOffset(),
                r.getFilename(),
                r.getSourceKey(),
                r.getDurationMs(),
                r.getWidth(),
                r.getHeight(),
                r.getVideoCodec(),
                r.getFrameRate(),
                r.getHasAudio(),
                r.getRenditions(),
                r.getPosterKey(),
                r.getProgress(),
                r.getFailureReason(),
                r.getStoredBytes(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC),
                Boolean.TRUE.equals(r.getStreaming()));
    }
}
