package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cinely.accounts.AccountsTestData;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.TestData;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test members and tiny generated clips (2-second test patterns through the real ffmpeg). */
final class WorksTestSupport {

    static final Path CLIPS = Path.of("target", "test-clips");

    private WorksTestSupport() {}

    /** A verified member straight in the database, as the principal MockMvc logs in with. */
    static CurrentMember member(JdbcTemplate jdbc, String passwordHash) {
        String email = TestData.uniqueEmail();
        String handle = TestData.uniqueHandle();
        long id = new AccountsTestData(jdbc).create(email, handle, "Test " + handle, passwordHash, true);
        return new CurrentMember(id, email, handle, "Test " + handle, passwordHash, "MEMBER", true, true, false);
    }

    /** A 2-second test pattern with a tone, H.264 + AAC in MP4, made once per size. */
    static Path clip(int width, int height) throws Exception {
        return clip(width, height, 2);
    }

    /** A test pattern (30 fps, 2 s keyframes) with a tone, H.264 + AAC in MP4, made once per size and length. */
    static synchronized Path clip(int width, int height, int seconds) throws Exception {
        Files.createDirectories(CLIPS);
        String name = width + "x" + height + (seconds == 2 ? "" : "-" + seconds + "s") + ".mp4";
        Path clip = CLIPS.resolve("pattern-" + name);
        if (!Files.exists(clip)) {
            Path tmp = CLIPS.resolve("tmp-" + name);
            Process process = new ProcessBuilder(List.of(
                            "ffmpeg",
                            "-hide_banner",
                            "-v",
                            "error",
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc2=size=" + width + "x" + height + ":rate=30",
                            "-f",
                            "lavfi",
                            "-i",
                            "sine=frequency=440:sample_rate=48000",
                            "-t",
                            Integer.toString(seconds),
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-pix_fmt",
                            "yuv420p",
                            "-g",
                            "60",
                            "-c:a",
                            "aac",
                            "-shortest",
                            tmp.toString()))
                    .inheritIO()
                    .start();
            assertThat(process.waitFor()).isZero();
            Files.move(tmp, clip);
        }
        return clip;
    }
}
