package org.cinely.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.cinely.platform.MemberId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of an upload: created with its announced size (refused over the size limit or the
 * member's quota before any byte is sent), bytes appended at their offset (so it resumes after
 * any interruption), checked by content with ffprobe once complete, then queued for transcoding.
 */
@Service
class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MediaAssets assets;
    private final TranscodeJobs jobs;
    private final MediaStore store;
    /** Looked up when needed: the modules implementing it also call MediaApi (no cycle at start-up). */
    private final org.springframework.beans.factory.ObjectProvider<UploadTargets> targets;

    private final MediaProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Path uploadDir;

    MediaService(
            MediaAssets assets,
            TranscodeJobs jobs,
            MediaStore store,
            org.springframework.beans.factory.ObjectProvider<UploadTargets> targets,
            MediaProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            @org.springframework.beans.factory.annotation.Value("${cinely.data-dir}") Path dataDir) {
        this.assets = assets;
        this.jobs = jobs;
        this.store = store;
        this.targets = targets;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.uploadDir = dataDir.resolve("uploads");
    }

    long maxUploadBytes() {
        return properties.maxUploadSize().toBytes();
    }

    /** Checks the size of one upload; throws with the reason when refused. */
    void checkSize(long length) {
        if (length <= 0) {
            throw new UploadRefusedException("media.refused.empty", 400);
        }
        if (length > maxUploadBytes()) {
            throw new UploadRefusedException("media.refused.too-large", 413);
        }
    }

    /** Within the creating transaction, after {@link MediaAssets#lockQuota}: room for this upload? */
    private void checkQuota(MemberId member, long length) {
        if (assets.usedBytes(member) + length > properties.memberQuota().toBytes()) {
            throw new UploadRefusedException("media.refused.quota", 413);
        }
    }

    Asset create(MemberId member, String target, long length, String filename) {
        UploadTargets owner = targets.orderedStream()
                .filter(t -> t.supports(target))
                .findFirst()
                .orElseThrow(() -> new UploadRefusedException("media.refused.target", 400));
        if (!owner.mayUpload(member, target)) {
            throw new UploadRefusedException("media.refused.target", 403);
        }
        checkSize(length);
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        String name = filename == null ? null : filename.substring(0, Math.min(255, filename.length()));
        long id = tx.execute(status -> {
            // Check and reserve as one step: announced uploads count at full size from here on.
            assets.lockQuota(member);
            checkQuota(member, length);
            long assetId = assets.create(member, target, token, length, name);
            owner.uploadStarted(target, assetId);
            return assetId;
        });
        clearStaleFiles(id);
        return assets.find(id).orElseThrow();
    }

    /**
     * A new asset starts with nothing under its key prefix. Files can be there only when the
     * database is older than the media store (a restored backup, a reset test database) and ids
     * were handed out again: they belong to someone else's video and must never be served as this one.
     */
    private void clearStaleFiles(long assetId) {
        try {
            int removed = store.deleteAll(Asset.prefix(assetId));
            if (removed > 0) {
                log.warn(
                        "Asset {}: removed {} file(s) left under its key by an earlier database (restored backup?)",
                        assetId,
                        removed);
            }
        } catch (IOException e) {
            throw StorageFault.of(e).map(StorageFault::refusal).orElseThrow(() -> new java.io.UncheckedIOException(e));
        }
    }

    private Path partFile(Asset asset) {
        return uploadDir.resolve(asset.uploadToken() + ".part");
    }

    /** How long a PATCH holds its upload without a byte arriving (renewed while bytes arrive). */
    static final Duration PATCH_LEASE = Duration.ofMinutes(2);

    /**
     * Appends the bytes sent from {@code offset}. Bytes that arrive before a dropped connection
     * are kept and counted, so the client resumes from exactly there. One PATCH per upload at a
     * time: a client retry overlapping a PATCH still streaming (the server has not yet seen the
     * first connection drop) gets 409 and asks for the offset again, instead of truncating the
     * file under the first.
     */
    Asset append(Asset asset, long offset, InputStream body) throws IOException {
        if (asset.state() != MediaState.UPLOADING) {
            throw new UploadRefusedException("media.refused.finished", 403);
        }
        if (offset != asset.uploadOffset()) {
            throw new UploadRefusedException("media.refused.offset", 409);
        }
        String lease = java.util.UUID.randomUUID().toString();
        if (!assets.takeForPatch(asset.id(), lease, PATCH_LEASE)) {
            throw new UploadRefusedException("media.refused.busy", 409);
        }
        try {
            return appendHolding(asset, offset, body, lease);
        } finally {
            assets.releasePatch(asset.id(), lease);
        }
    }

    private Asset appendHolding(Asset held, long offset, InputStream body, String lease) throws IOException {
        // Read again under the lease: the PATCH that held it before may have moved the offset on.
        Asset asset =
                assets.find(held.id()).orElseThrow(() -> new UploadRefusedException("media.refused.not-found", 404));
        if (asset.state() != MediaState.UPLOADING) {
            throw new UploadRefusedException("media.refused.finished", 403);
        }
        if (offset != asset.uploadOffset()) {
            throw new UploadRefusedException("media.refused.offset", 409);
        }
        // One node (local store): bytes go straight into the upload's part file. Several nodes
        // (S3): each PATCH is received into a file of its own and stored as one staged part, so
        // whichever node takes the next PATCH, or completes the upload, finds every byte.
        boolean staged = staged();
        Path target =
                staged ? uploadDir.resolve(asset.uploadToken() + "-" + UUID.randomUUID() + ".chunk") : partFile(asset);
        long position = staged ? 0 : offset;
        long written = 0;
        IOException broken = null;
        StorageFault fault = null;
        try {
            try {
                Files.createDirectories(uploadDir);
                try (FileChannel channel =
                        FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    // Bytes past the stored offset (a write cut short by a fault) are dropped first.
                    channel.truncate(position);
                    channel.position(position);
                    long room = asset.uploadLength() - offset;
                    var out = Channels.newOutputStream(channel);
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    long renewed = System.nanoTime();
                    while (written < room) {
                        if (System.nanoTime() - renewed > PATCH_LEASE.toNanos() / 4) {
                            assets.renewPatch(asset.id(), lease, PATCH_LEASE);
                            renewed = System.nanoTime();
                        }
                        try {
                            n = body.read(buffer, 0, (int) Math.min(buffer.length, room - written));
                        } catch (IOException e) {
                            broken = e; // the client went away: keep what arrived
                            break;
                        }
                        if (n <= 0) {
                            break;
                        }
                        out.write(buffer, 0, n); // a storage fault here stops the upload, below
                        written += n;
                    }
                    if (broken == null && written == room && body.read() >= 0) {
                        throw new UploadRefusedException("media.refused.too-long", 413);
                    }
                    channel.force(false);
                }
                if (staged && written > 0) {
                    store.put(stagedPartKey(asset, offset), target, "application/octet-stream");
                }
            } catch (IOException e) {
                // The disk is full or the directory cannot be written: keep what was stored and say so;
                // the client resumes from the stored offset once the fault passes.
                fault = StorageFault.of(e).orElseThrow(() -> e);
                log.warn("Upload {} stopped at byte {}: {} ({})", asset.id(), offset + written, fault, e.toString());
                written = 0; // not counted unless stored: resent after the fault
            }
        } finally {
            if (staged) {
                Files.deleteIfExists(target);
            }
        }
        long next = offset + written;
        if (!assets.advanceOffset(asset.id(), offset, next)) {
            throw new UploadRefusedException("media.refused.offset", 409);
        }
        Asset updated = assets.find(asset.id()).orElseThrow();
        if (fault != null) {
            throw fault.refusal();
        }
        if (broken != null) {
            throw broken;
        }
        if (next == asset.uploadLength()) {
            try {
                complete(updated);
            } catch (IOException e) {
                StorageFault completing = StorageFault.of(e).orElseThrow(() -> e);
                // Not kept: step back over this PATCH's bytes, so the client sends them again
                // (and this last PATCH completes the upload) once the fault passes.
                assets.advanceOffset(asset.id(), next, offset);
                log.warn("Upload {} could not be completed: {} ({})", asset.id(), completing, e.toString());
                throw completing.refusal();
            }
            updated = assets.find(asset.id()).orElseThrow();
        }
        return updated;
    }

    /** Partial uploads live in the media store when it is shared by several nodes (not a local directory). */
    private boolean staged() {
        return !(store instanceof LocalMediaStore);
    }

    private static String stagedPrefix(Asset asset) {
        return asset.prefix() + "upload/";
    }

    /** Named by the part's first byte (zero-padded, so the store lists them in order). */
    private static String stagedPartKey(Asset asset, long offset) {
        return stagedPrefix(asset) + String.format("%020d", offset);
    }

    /**
     * The whole file is here: keep it and queue it. It is checked by content (ffprobe, then a short
     * decode) by the transcode worker, on its bounded pool, before anything else happens to it
     * ({@code TranscodeWorker.task}): a hostile file costs the final PATCH nothing, a burst of
     * uploads cannot run more checks at once than the pool has threads, and a restart mid-check
     * simply checks again.
     */
    void complete(Asset asset) throws IOException {
        String sourceKey = asset.prefix() + "source";
        long size;
        if (staged()) {
            size = assembleStagedParts(asset, sourceKey);
        } else {
            Path part = partFile(asset);
            size = Files.size(part);
            ((LocalMediaStore) store).moveIn(sourceKey, part);
        }
        tx.executeWithoutResult(status -> {
            assets.uploaded(asset.id(), sourceKey, size);
            jobs.enqueue(asset.id());
        });
        log.info("Upload {} complete ({} bytes); check and transcode queued", asset.id(), size);
        events.publishEvent(new TranscodeQueued(asset.id())); // committed: a worker here may claim it now
    }

    /**
     * Joins the staged parts into the source, in order, from byte 0 to the end. A part left by a
     * PATCH whose offset was never recorded was replaced by its retry (same first byte), or lies
     * off the chain and is ignored; a missing byte refuses to complete rather than store a hole.
     */
    private long assembleStagedParts(Asset asset, String sourceKey) throws IOException {
        Path joined = uploadDir.resolve(asset.uploadToken() + "-" + UUID.randomUUID() + ".joined");
        try {
            Files.createDirectories(uploadDir);
            java.util.Map<Long, String> parts = new java.util.HashMap<>();
            for (String key : store.list(stagedPrefix(asset))) {
                parts.put(Long.parseLong(key.substring(key.lastIndexOf('/') + 1)), key);
            }
            long at = 0;
            try (var out = Files.newOutputStream(joined)) {
                while (at < asset.uploadLength()) {
                    String key = parts.get(at);
                    if (key == null) {
                        throw new IllegalStateException("Upload " + asset.id() + " has no staged part at byte " + at);
                    }
                    try (InputStream in = store.open(key, 0, -1)) {
                        at += in.transferTo(out);
                    }
                }
            }
            if (at != asset.uploadLength()) {
                throw new IllegalStateException(
                        "Upload " + asset.id() + " staged " + at + " bytes, not " + asset.uploadLength());
            }
            store.put(sourceKey, joined, "application/octet-stream");
            store.deleteAll(stagedPrefix(asset));
            return at;
        } finally {
            Files.deleteIfExists(joined);
        }
    }

    /** Cancels an upload (tus termination) or removes a video: every stored byte goes. */
    void delete(Asset asset) throws IOException {
        Files.deleteIfExists(partFile(asset));
        store.deleteAll(asset.prefix());
        assets.delete(asset.id());
    }

    boolean retry(Asset asset) {
        if (asset.state() != MediaState.FAILED) {
            return false;
        }
        return tx.execute(status -> {
            boolean requeued = jobs.latestForAsset(asset.id())
                    .map(job -> jobs.retryNow(job.id()))
                    .orElse(false);
            if (!requeued) {
                jobs.enqueue(asset.id());
            }
            assets.state(asset.id(), MediaState.WAITING, null);
            return true;
        });
    }

    /** Uploads nobody has resumed for a week are dropped, so partial files do not pile up. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void dropAbandonedUploads() {
        for (Asset asset : assets.staleUploads(java.time.Instant.now().minus(java.time.Duration.ofDays(7)))) {
            try {
                delete(asset);
                log.info(
                        "Dropped upload {} abandoned at {} of {} bytes",
                        asset.id(),
                        asset.uploadOffset(),
                        asset.uploadLength());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not drop abandoned upload {}", asset.id(), e);
            }
        }
    }
}
