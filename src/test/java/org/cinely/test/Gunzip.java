package org.cinely.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** What a client reads from a gzipped body. */
public final class Gunzip {

    private Gunzip() {}

    public static byte[] bytes(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not a gzip body", e);
        }
    }

    public static String text(byte[] gzipped) {
        return new String(bytes(gzipped), StandardCharsets.UTF_8);
    }
}
