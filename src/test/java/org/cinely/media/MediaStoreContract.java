package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every MediaStore adapter must do; each adapter's test class supplies the store. */
abstract class MediaStoreContract {

    abstract MediaStore store();

    @TempDir
    Path tmp;

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storesAndReadsBackBytesAndFiles() throws Exception {
        store().put("assets/1/hls/360/index.m3u8", bytes("#EXTM3U"), "application/vnd.apple.mpegurl");
        Path file = Files.writeString(tmp.resolve("seg"), "0123456789");
        store().put("assets/1/hls/360/seg_00000.m4s", file, "video/iso.segment");

        assertThat(store().find("assets/1/hls/360/seg_00000.m4s")).hasValueSatisfying(object -> {
            assertThat(object.size()).isEqualTo(10);
            assertThat(object.contentType()).isEqualTo("video/iso.segment");
        });
        try (InputStream in = store().open("assets/1/hls/360/index.m3u8", 0, -1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("#EXTM3U");
        }
        Path copy = tmp.resolve("copy");
        store().download("assets/1/hls/360/seg_00000.m4s", copy);
        assertThat(Files.readString(copy)).isEqualTo("0123456789");
    }

    @Test
    void readsByteRanges() throws Exception {
        store().put("assets/2/hls/720/seg_00001.m4s", bytes("0123456789"), "video/iso.segment");
        try (InputStream in = store().open("assets/2/hls/720/seg_00001.m4s", 3, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("3456");
        }
        try (InputStream in = store().open("assets/2/hls/720/seg_00001.m4s", 7, -1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("789");
        }
    }

    @Test
    void replacesListsAndDeletes() throws Exception {
        store().put("assets/3/source", bytes("old"), "application/octet-stream");
        store().put("assets/3/source", bytes("new!"), "application/octet-stream");
        assertThat(store().find("assets/3/source"))
                .hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(4));
        store().put("assets/3/hls/360/index.m3u8", bytes("a"), "application/vnd.apple.mpegurl");
        store().put("assets/3/hls/master.m3u8", bytes("b"), "application/vnd.apple.mpegurl");
        store().put("assets/30/source", bytes("other asset"), "application/octet-stream");

        assertThat(store().list("assets/3/"))
                .containsExactly("assets/3/hls/360/index.m3u8", "assets/3/hls/master.m3u8", "assets/3/source");
        store().delete("assets/3/source");
        assertThat(store().find("assets/3/source")).isEmpty();
        store().delete("assets/3/source"); // deleting twice is fine

        assertThat(store().deleteAll("assets/3/")).isEqualTo(2);
        assertThat(store().list("assets/3/")).isEmpty();
        assertThat(store().find("assets/30/source")).isPresent();
        assertThat(store().find("assets/404/nothing")).isEmpty();
    }

    @Test
    void missingKeysAreEmptyNotErrors() throws Exception {
        assertThat(store().find("assets/999/hls/master.m3u8")).isEmpty();
        assertThat(store().list("assets/999/")).isEmpty();
        assertThat(store().deleteAll("assets/999/")).isZero();
        assertThatThrownBy(() -> {
                    try (InputStream in = store().open("assets/999/source", 0, -1)) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(java.io.IOException.class);
    }
}
