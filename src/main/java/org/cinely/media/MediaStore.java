package org.cinely.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where media files live, addressed by key ({@code assets/12/hls/720/seg_00001.m4s}). Adapters:
 * a local directory (one machine) and S3-compatible storage (several machines). Both pass the
 * same contract tests.
 */
interface MediaStore {

    /** Stores a file under the key, replacing what was there. */
    void put(String key, Path file, String contentType) throws IOException;

    void put(String key, byte[] bytes, String contentType) throws IOException;

    /** What is stored under the key, if anything. */
    Optional<StoredObject> find(String key) throws IOException;

    /** Reads {@code length} bytes from {@code offset} (a byte range), or to the end if length < 0. */
    InputStream open(String key, long offset, long length) throws IOException;

    /** Copies the object to a local file (for the transcoder). */
    void download(String key, Path target) throws IOException;

    /** Keys under a prefix, sorted. */
    List<String> list(String prefix) throws IOException;

    void delete(String key) throws IOException;

    /** Removes every key under the prefix; returns how many. */
    int deleteAll(String prefix) throws IOException;

    /** A stored object's size and type. */
    record StoredObject(String key, long size, String contentType) {}

    /** Content type by file extension for the files the pipeline writes. */
    static String contentTypeOf(String key) {
        if (key.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (key.endsWith(".m4s")) {
            return "video/iso.segment";
        }
        if (key.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (key.endsWith(".jpg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
