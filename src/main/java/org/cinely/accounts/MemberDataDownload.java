package org.cinely.accounts;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.cinely.platform.security.RateLimiter;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Download my data": one ZIP with each module's part ({@link MemberData#export}), written straight
 * to the response as it is read, so a member's videos pass through in small buffers and the
 * archive is never held whole, in memory or on disk. Every entry is deflated: a stored (uncompressed)
 * entry would need its CRC before its bytes, that is reading each video twice.
 */
@Service
class MemberDataDownload {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<MemberData> parts;
    private final RateLimiter rateLimiter;

    MemberDataDownload(List<MemberData> parts, RateLimiter rateLimiter) {
        this.parts = parts.stream()
                .sorted(Comparator.comparingInt(MemberData::order))
                .toList();
        this.rateLimiter = rateLimiter;
    }

    /** Counts one download (before any byte is sent, so a refusal is a clean 429 page). */
    void allow(MemberId member) {
        rateLimiter.acquire(AccountDataRateLimits.DATA_EXPORT, "account:" + member);
    }

    /** Writes the member's archive to {@code out} (not closed). */
    void write(MemberId member, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Archive archive = new Archive(zip);
        archive.text("README.txt", readme());
        for (MemberData part : parts) {
            part.export(member, archive);
        }
        zip.finish();
        zip.flush();
    }

    private static String readme() {
        return """
                Your data from Cinely, as JSON (UTF-8) and the video files you uploaded.

                account.json                   your account (never your password)
                profile/profile.json           your profile, crafts and links
                profile/credits.json           your credits
                profile/avatar.jpg             your photo, if you set one
                works/works.json               your works' details, credits, likes and comments they got counted
                works/comments.json            comments you wrote, on any work
                works/likes.json               works you liked
                works/<id>/<file name>         the original video you uploaded for each work
                jobs/applications.json         applications you made
                jobs/listings.json             listings you posted
                jobs/saved-searches.json       your saved job searches
                connections/connections.json   your connections, requests and blocks
                """;
    }

    /** Entries into one ZIP; the same path twice gets a number, never an error half-way. */
    private static final class Archive implements MemberDataArchive {

        private final ZipOutputStream zip;
        private final Set<String> names = new HashSet<>();

        Archive(ZipOutputStream zip) {
            this.zip = zip;
        }

        @Override
        public void json(String path, Object value) throws IOException {
            open(path, ZipEntry.DEFLATED);
            JSON.writeValue(new Unclosable(zip), value);
            zip.closeEntry();
        }

        @Override
        public void file(String path, InputStream content) throws IOException {
            try (content) {
                open(path, ZipEntry.DEFLATED);
                content.transferTo(zip);
                zip.closeEntry();
            }
        }

        void text(String path, String text) throws IOException {
            open(path, ZipEntry.DEFLATED);
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        private void open(String path, int method) throws IOException {
            String name = path;
            for (int n = 2; !names.add(name); n++) {
                int dot = path.lastIndexOf('.');
                name = dot > path.lastIndexOf('/')
                        ? path.substring(0, dot) + "-" + n + path.substring(dot)
                        : path + "-" + n;
            }
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(method);
            zip.putNextEntry(entry);
        }
    }

    /** Jackson closes the stream it wrote to; the ZIP entry must stay open. */
    private static final class Unclosable extends FilterOutputStream {

        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
