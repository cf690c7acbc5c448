package org.cinely.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Bytes as one gzip member (RFC 1952), at a chosen deflate level. */
final class Gzip {

    private Gzip() {}

    /**
     * {@code bytes} gzipped at {@code level}: {@link Deflater#BEST_SPEED} for a page compressed on
     * every request, {@link Deflater#DEFAULT_COMPRESSION} for one compressed once and kept.
     */
    static byte[] compress(byte[] bytes, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new AtLevel(out, level)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return out.toByteArray();
    }

    /** GZIPOutputStream has no level of its own to set; its Deflater does. */
    private static final class AtLevel extends GZIPOutputStream {

        AtLevel(OutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }
}
