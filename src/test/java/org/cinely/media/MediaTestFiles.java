package org.cinely.media;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Media files for tests of other modules, written into the application's own store (local or
 * S3) without the upload and transcoding pipeline: an asset with an original upload and an
 * HLS file, and what the store holds for an asset.
 */
public class MediaTestFiles {

    private final JdbcTemplate jdbc;
    private final MediaStore store;

    public MediaTestFiles(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.store = context.getBean(MediaStore.class);
    }

    /** A ready asset whose original upload ({@code filename}) holds {@code source}; returns its id. */
    public long assetWithSource(long ownerId, String filename, byte[] source) throws IOException {
        String token = UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                "insert into media_assets (owner_id, target, upload_token, state, upload_length, upload_offset,"
                        + " filename, renditions, poster_key, duration_ms, stored_bytes, created_at, updated_at)"
                        + " values (?, 'work:0', ?, 'READY', ?, ?, ?, '360', 'hls/poster.jpg', 2000, ?, now(6), now(6))",
                ownerId,
                token,
                source.length,
                source.length,
                filename,
                source.length);
        long id = jdbc.queryForObject("select id from media_assets where upload_token = ?", Long.class, token);
        String sourceKey = Asset.prefix(id) + "source";
        store.put(sourceKey, source, "application/octet-stream");
        store.put(Asset.prefix(id) + "hls/poster.jpg", new byte[] {1, 2, 3}, "image/jpeg");
        jdbc.update("update media_assets set source_key = ? where id = ?", sourceKey, id);
        return id;
    }

    /** Every key the store holds for the asset. */
    public List<String> keys(long assetId) throws IOException {
        return store.list(Asset.prefix(assetId));
    }
}
