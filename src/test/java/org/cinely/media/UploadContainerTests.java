package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads that would make ffmpeg read other files on the server: a playlist, a list of files and
 * a QuickTime reference movie, each pointing at a real video (the "marker"). Each test first shows
 * that plain ffmpeg does read the marker (so the attack is real and the test can fail), then that
 * Cinely's probe refuses the upload with a reason the uploader can act on.
 */
class UploadContainerTests {

    @TempDir
    static Path dir;

    static Path markerTs;
    static Path markerMov;
    final Ffprobe probe = new Ffprobe("ffprobe", "ffmpeg");

    @BeforeAll
    static void markers() throws Exception {
        markerTs = dir.resolve("marker.ts");
        markerMov = dir.resolve("marker.mov");
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-t",
                "2",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-f",
                "mpegts",
                markerTs.toString());
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-t",
                "2",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-f",
                "mov",
                markerMov.toString());
    }

    static int ffmpeg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "error", "-y"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStreamSink.INSTANCE);
        return process.waitFor();
    }

    /** Plain ffmpeg, as the app ran it before: does it decode the file (reading what it points at)? */
    static boolean bareFfmpegDecodes(Path file, String... inputOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of(inputOptions));
        args.addAll(List.of("-i", file.toString(), "-frames:v", "3", "-f", "null", "-"));
        return ffmpeg(args.toArray(String[]::new)) == 0;
    }

    @Test
    void anHlsPlaylistNamedLikeAVideoIsRefused() throws Exception {
        Path upload = dir.resolve("holiday.mp4");
        Files.writeString(
                upload,
                "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nfile://" + markerTs
                        + "\n#EXT-X-ENDLIST\n");
        assertThat(bareFfmpegDecodes(upload))
                .as("plain ffmpeg follows the playlist")
                .isTrue();

        assertThat(probe.probe(upload).rejection()).isEqualTo("format");
    }

    @Test
    void anFfconcatListIsRefused() throws Exception {
        Path upload = dir.resolve("list.mp4");
        Files.writeString(upload, "ffconcat version 1.0\nfile '" + markerTs.getFileName() + "'\n");
        assertThat(bareFfmpegDecodes(upload))
                .as("plain ffmpeg reads the listed file")
                .isTrue();

        assertThat(probe.probe(upload).rejection()).isEqualTo("format");
    }

    @Test
    void aQuickTimeReferenceMovieNeverReadsTheFileItPointsAt() throws Exception {
        Path upload = dir.resolve("reference.mov");
        Files.write(upload, ReferenceMovie.pointingAt(markerMov, "marker.mov"));
        assertThat(bareFfmpegDecodes(upload, "-enable_drefs", "1"))
                .as("ffmpeg with data references on decodes the marker's pictures")
                .isTrue();

        Ffprobe.Probe refused = probe.probe(upload);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.rejection()).isEqualTo("undecodable");
    }

    @Test
    void aPictureWiderThan8kIsRefusedBeforeAnyFrameIsDecoded() throws Exception {
        Path upload = dir.resolve("wide.mkv");
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "color=black:size=8200x16:rate=1",
                "-frames:v",
                "1",
                "-c:v",
                "png",
                upload.toString());
        assertThat(probe.probe(upload).rejection()).isEqualTo("too-many-pixels");
    }

    @Test
    void limitsOnPixelsFrameRateLengthAndTracks() {
        assertThat(Ffprobe.overLimit(3840, 2160, 60, 3_600_000, 2)).isNull();
        assertThat(Ffprobe.overLimit(8192, 4320, 30, 1000, 2)).isNull();
        assertThat(Ffprobe.overLimit(16_000, 16_000, 30, 1000, 1)).isEqualTo("too-many-pixels");
        assertThat(Ffprobe.overLimit(8192, 8192, 30, 1000, 1)).isEqualTo("too-many-pixels");
        assertThat(Ffprobe.overLimit(1920, 1080, 1000, 1000, 1)).isEqualTo("frame-rate");
        assertThat(Ffprobe.overLimit(1920, 1080, 30, 5L * 3600 * 1000, 1)).isEqualTo("too-long");
        assertThat(Ffprobe.overLimit(1920, 1080, 30, 1000, 40)).isEqualTo("streams");
    }

    @Test
    void realVideosInEveryAllowedContainerAreAccepted() throws Exception {
        for (String name : List.of("ok.mp4", "ok.mkv", "ok.webm", "ok.ts", "ok.avi", "ok.mov")) {
            Path file = dir.resolve(name);
            String codec = name.endsWith(".webm") ? "libvpx" : name.endsWith(".avi") ? "mpeg4" : "libx264";
            ffmpeg(
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc=size=320x240:rate=25",
                    "-t",
                    "1",
                    "-c:v",
                    codec,
                    "-pix_fmt",
                    "yuv420p",
                    file.toString());
            Ffprobe.Probe accepted = probe.probe(file);
            assertThat(accepted.rejection()).as(name).isNull();
            assertThat(Set.copyOf(Ffprobe.DEMUXERS)).contains(accepted.format());
            assertThat(probe.formatOf(file)).isEqualTo(accepted.format());
        }
    }

    /**
     * A QuickTime movie whose only data reference is a Mac alias to another file: the marker's own
     * moov (sample tables and all) with its self-reference swapped for the alias and no media data
     * of its own, so its pictures exist only in the file it points at.
     */
    static final class ReferenceMovie {

        private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "dinf");

        static byte[] pointingAt(Path marker, String fileName) throws IOException {
            byte[] movie = Files.readAllBytes(marker);
            for (Box box : boxes(movie, 0, movie.length)) {
                if (box.type.equals("moov")) {
                    return rebuild(box, movie, fileName);
                }
            }
            throw new IllegalStateException("no moov");
        }

        record Box(String type, int start, int end) {}

        static List<Box> boxes(byte[] data, int from, int to) {
            List<Box> boxes = new ArrayList<>();
            int at = from;
            while (at + 8 <= to) {
                int size = ByteBuffer.wrap(data, at, 4).getInt();
                String type = new String(data, at + 4, 4, StandardCharsets.ISO_8859_1);
                boxes.add(new Box(type, at, at + size));
                at += size;
            }
            return boxes;
        }

        static byte[] rebuild(Box box, byte[] data, String fileName) {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            if (CONTAINERS.contains(box.type)) {
                for (Box child : boxes(data, box.start + 8, box.end)) {
                    payload.writeBytes(rebuild(child, data, fileName));
                }
            } else if (box.type.equals("dref")) {
                payload.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 1}); // version, flags, one entry
                payload.writeBytes(alias(fileName));
            } else {
                payload.write(data, box.start + 8, box.end - box.start - 8);
            }
            return box(box.type, payload.toByteArray());
        }

        /** An 'alis' record as ffmpeg's mov demuxer reads it: volume, file name, levels, path. */
        static byte[] alias(String fileName) {
            ByteBuffer record = ByteBuffer.allocate(512);
            record.putInt(0); // version and flags
            record.put(new byte[10]);
            byte[] volume = "cinely".getBytes(StandardCharsets.US_ASCII);
            record.put((byte) volume.length).put(java.util.Arrays.copyOf(volume, 27));
            record.put(new byte[12]);
            byte[] name = fileName.getBytes(StandardCharsets.US_ASCII);
            record.put((byte) name.length).put(java.util.Arrays.copyOf(name, 63));
            record.put(new byte[16]);
            record.putShort((short) 1).putShort((short) 1); // levels up from the alias, down to the target
            record.put(new byte[16]);
            byte[] path = ("cinely:" + fileName).getBytes(StandardCharsets.US_ASCII);
            byte[] even = java.util.Arrays.copyOf(path, path.length + path.length % 2);
            record.putShort((short) 2).putShort((short) even.length).put(even); // 2: absolute path
            record.putShort((short) -1).putShort((short) 0); // end of the list
            return box("alis", java.util.Arrays.copyOf(record.array(), record.position()));
        }

        static byte[] box(String type, byte[] payload) {
            return ByteBuffer.allocate(8 + payload.length)
                    .putInt(8 + payload.length)
                    .put(type.getBytes(StandardCharsets.ISO_8859_1))
                    .put(payload)
                    .array();
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}
    }
}
