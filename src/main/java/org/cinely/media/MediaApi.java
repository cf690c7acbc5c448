package org.cinely.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cinely.platform.MemberId;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/** What other modules may ask of media: an asset's state, its files, retry and removal. */
@Service
public class MediaApi {

    /** The only files a player may ask for (anything else is a 404, never a path into the store). */
    private static final Pattern SERVABLE = Pattern.compile(
            "hls/master\\.m3u8|hls/\\d{2,4}/(index\\.m3u8|init\\.mp4|seg_\\d{5}\\.m4s)|hls/poster\\.jpg");

    private final MediaAssets assets;
    private final MediaService service;
    private final MediaStore store;
    private final TranscodeWorker worker;
    private final MediaProperties properties;

    MediaApi(
            MediaAssets assets,
            MediaService service,
            MediaStore store,
            TranscodeWorker worker,
            MediaProperties properties) {
        this.assets = assets;
        this.service = service;
        this.store = store;
        this.worker = worker;
        this.properties = properties;
    }

    public Optional<MediaStatus> status(long assetId) {
        return assets.find(assetId).map(this::status);
    }

    /** Many assets' states in one query (for list pages), keyed by asset id. */
    public java.util.Map<Long, MediaStatus> statuses(java.util.Collection<Long> assetIds) {
        java.util.Map<Long, MediaStatus> found = new java.util.HashMap<>();
        for (Asset asset : assets.findAll(assetIds)) {
            found.put(asset.id(), status(asset));
        }
        return found;
    }

    private MediaStatus status(Asset asset) {
        return new MediaStatus(
                asset.id(),
                asset.state(),
                asset.uploadPercent(),
                asset.state() == MediaState.READY ? 100 : asset.progress(),
                asset.playable() && asset.state() != MediaState.REJECTED,
                asset.failureReason(),
                asset.renditionHeights(),
                asset.posterKey() != null,
                asset.durationMs() == null ? null : asset.durationMs() / 1000,
                worker.transcoder().available());
    }

    /**
     * A file of the asset's HLS output ({@code hls/master.m3u8}, {@code hls/720/seg_00001.m4s},
     * {@code hls/poster.jpg}); callers check who may see it first.
     */
    public Optional<MediaFile> file(long assetId, String path) {
        if (path == null || !SERVABLE.matcher(path).matches()) {
            return Optional.empty();
        }
        String key = Asset.prefix(assetId) + path;
        try {
            Optional<MediaStore.StoredObject> found = store.find(key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            MediaStore.StoredObject object = found.get();
            Resource resource = store instanceof LocalMediaStore local
                    ? new FileSystemResource(local.root().resolve(key))
                    : new StoredResource(store, object);
            // Segments never change once written; playlists grow while renditions finish.
            boolean immutable = !path.endsWith(".m3u8");
            return Optional.of(new MediaFile(resource, object.size(), object.contentType(), immutable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Uploads a file on this machine to a target as the member, the way a tus upload from their
     * browser goes: the target's owner decides whether the member may, the size and quota are
     * checked, and the completed file is checked by content and transcoded by the normal pipeline.
     * For content made on the server (the demo community's reels). Returns the asset's id.
     */
    public long upload(MemberId member, String target, java.nio.file.Path file) throws IOException {
        long length = java.nio.file.Files.size(file);
        Asset asset = service.create(member, target, length, file.getFileName().toString());
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            service.append(asset, 0, in);
        }
        return asset.id();
    }

    public boolean retry(long assetId) {
        return assets.find(assetId).map(service::retry).orElse(false);
    }

    /** Removes the asset and every stored byte of it. */
    public void delete(long assetId) {
        Optional<Asset> asset = assets.find(assetId);
        if (asset.isPresent()) {
            try {
                service.delete(asset.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The original file a member uploaded, as they sent it (for their data download). */
    public record SourceFile(String filename, long size, InputStream content) {}

    /**
     * Opens the original upload of an asset, read from the store in small pieces (local or S3),
     * or empty when it has none (an upload never finished, or a rejected file already removed).
     * The caller closes the stream.
     */
    public Optional<SourceFile> openSource(long assetId) {
        Optional<Asset> asset = assets.find(assetId);
        if (asset.isEmpty() || asset.get().sourceKey() == null) {
            return Optional.empty();
        }
        try {
            Optional<MediaStore.StoredObject> stored = store.find(asset.get().sourceKey());
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            String filename =
                    asset.get().filename() == null ? "source" : asset.get().filename();
            return Optional.of(new SourceFile(
                    filename, stored.get().size(), store.open(stored.get().key(), 0, -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes every asset of a member and every stored byte of them (uploads never attached to a
     * work included): the media part of erasing a deleted account.
     */
    public int deleteAllOf(MemberId owner) {
        List<Asset> owned = assets.ownedBy(owner);
        for (Asset asset : owned) {
            try {
                service.delete(asset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assets.forgetQuotaLock(owner);
        return owned.size();
    }

    public boolean transcoderAvailable() {
        return worker.transcoder().available();
    }

    public long maxUploadBytes() {
        return properties.maxUploadSize().toBytes();
    }

    public long usedBytes(MemberId member) {
        return assets.usedBytes(member);
    }

    /** A stored object read lazily from the store (S3), with its length known for ranges. */
    static final class StoredResource extends AbstractResource {

        private final MediaStore store;
        private final MediaStore.StoredObject object;

        StoredResource(MediaStore store, MediaStore.StoredObject object) {
            this.store = store;
            this.object = object;
        }

        @Override
        public String getDescription() {
            return "media " + object.key();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return store.open(object.key(), 0, -1);
        }

        @Override
        public long contentLength() {
            return object.size();
        }

        @Override
        public String getFilename() {
            return object.key().substring(object.key().lastIndexOf('/') + 1);
        }

        @Override
        public boolean exists() {
            return true;
        }
    }
}
