package org.cinely.platform.account;

import java.io.IOException;
import java.io.InputStream;

/**
 * The member's download as modules write into it: a ZIP streamed to the browser while it is
 * written, so a large video never sits in memory. Paths are relative, with {@code /} between
 * folders ({@code works/works.json}).
 */
public interface MemberDataArchive {

    /** Writes {@code value} (records, lists, maps) as pretty-printed JSON under {@code path}. */
    void json(String path, Object value) throws IOException;

    /** Copies {@code content} under {@code path} and closes it. */
    void file(String path, InputStream content) throws IOException;

    /** A file name that is safe inside the archive (no folders, no control characters). */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned;
        }
        return cleaned.length() > 100 ? cleaned.substring(cleaned.length() - 100) : cleaned;
    }
}
