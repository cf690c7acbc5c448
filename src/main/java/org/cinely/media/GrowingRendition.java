package org.cinely.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One rendition that ffmpeg is still writing, published to the media store segment by segment so
 * the video plays before the ladder is done. Only segments ffmpeg has listed in its playlist are
 * taken (it lists a segment once the file is closed), and the playlist stored beside them is
 * written here from those segments (an EVENT playlist, RFC 8216 section 4.3.3.5): never a copy
 * of ffmpeg's file caught half-written. When ffmpeg has finished, the same playlist is closed
 * with EXT-X-ENDLIST.
 */
final class GrowingRendition {

    private final Ladder.Rung rung;
    private final Path dir;
    private final String prefix;
    private final MediaStore store;
    private final Set<String> stored = new HashSet<>();
    private final List<String> listed = new ArrayList<>();
    private boolean initStored;
    private long bytes;

    /** @param prefix where the rendition's files go in the store, ending in "/" */
    GrowingRendition(Ladder.Rung rung, Path dir, String prefix, MediaStore store) {
        this.rung = rung;
        this.dir = dir;
        this.prefix = prefix;
        this.store = store;
    }

    Ladder.Rung rung() {
        return rung;
    }

    Path dir() {
        return dir;
    }

    String prefix() {
        return prefix;
    }

    /** Bytes stored so far (segments, init segment and playlist). */
    long bytes() {
        return bytes;
    }

    int segmentsStored() {
        return stored.size();
    }

    /**
     * Stores the segments ffmpeg has finished since the last call, then a playlist listing all
     * stored so far. With {@code finished}, ffmpeg has exited cleanly: everything left is stored
     * and the playlist is closed with EXT-X-ENDLIST.
     */
    void publish(boolean finished) throws IOException {
        String playlist;
        try {
            playlist = Files.readString(dir.resolve("index.m3u8"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (finished) {
                throw e;
            }
            return; // no segment closed yet
        }
        List<Segment> segments = segments(playlist, true);
        boolean added = false;
        for (Segment segment : segments) {
            if (stored.contains(segment.uri())) {
                continue;
            }
            Path file = dir.resolve(segment.uri()).normalize();
            if (!file.getParent().equals(dir.normalize()) || !Files.exists(file)) {
                break; // listed but not on disk (a torn read): the next round takes it
            }
            if (!initStored) {
                Path init = dir.resolve("init.mp4");
                bytes += Files.size(init);
                store.put(prefix + "init.mp4", init, MediaStore.contentTypeOf("init.mp4"));
                initStored = true;
            }
            bytes += Files.size(file);
            if (store instanceof LocalMediaStore local) {
                local.moveIn(prefix + segment.uri(), file); // same disk: a rename; ffmpeg never reopens it
            } else {
                store.put(prefix + segment.uri(), file, MediaStore.contentTypeOf(segment.uri()));
                Files.deleteIfExists(file);
            }
            stored.add(segment.uri());
            listed.add(String.format(Locale.ROOT, "#EXTINF:%.6f,%n%s", segment.seconds(), segment.uri()));
            added = true;
        }
        if (finished) {
            if (stored.size() < segments.size()) {
                throw new IOException("ffmpeg listed segments it did not write in " + dir);
            }
            // The same playlist, closed: RFC 8216 lets an EVENT playlist only grow, then end.
            byte[] text = (growingPlaylist(segments) + "#EXT-X-ENDLIST\n").getBytes(StandardCharsets.UTF_8);
            bytes += text.length;
            store.put(prefix + "index.m3u8", text, MediaStore.contentTypeOf("index.m3u8"));
        } else if (added) {
            store.put(
                    prefix + "index.m3u8",
                    growingPlaylist(segments).getBytes(StandardCharsets.UTF_8),
                    MediaStore.contentTypeOf("index.m3u8"));
        }
    }

    /** The stored segments as an EVENT playlist: no EXT-X-ENDLIST, so players reload it. */
    private String growingPlaylist(List<Segment> segments) {
        double longest = segments.stream().mapToDouble(Segment::seconds).max().orElse(0);
        long target = Math.max((long) Ladder.SEGMENT_SECONDS, Math.round(longest));
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n")
                .append("#EXT-X-TARGETDURATION:")
                .append(target)
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                .append("#EXT-X-MAP:URI=\"init.mp4\"\n");
        listed.forEach(entry -> text.append(entry).append('\n'));
        return text.toString();
    }

    record Segment(double seconds, String uri) {}

    /**
     * The segments a media playlist lists, in order. With {@code mayBeCut} (a file still being
     * written) a last line without its newline is left out.
     */
    static List<Segment> segments(String playlist, boolean mayBeCut) {
        List<Segment> segments = new ArrayList<>();
        Double pending = null;
        String[] lines = playlist.split("\n", -1);
        // The last element is what follows the final newline: a line still being written.
        int complete = mayBeCut ? lines.length - 1 : lines.length;
        for (int i = 0; i < complete; i++) {
            String line = lines[i].trim();
            if (line.startsWith("#EXTINF:")) {
                int comma = line.indexOf(',');
                try {
                    pending = Double.parseDouble(line.substring(8, comma < 0 ? line.length() : comma));
                } catch (NumberFormatException e) {
                    pending = null;
                }
            } else if (!line.isEmpty() && !line.startsWith("#") && pending != null) {
                segments.add(new Segment(pending, line));
                pending = null;
            }
        }
        return segments;
    }
}
