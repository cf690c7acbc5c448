package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.cinely.accounts.AccountsTestData;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.TestData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

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

    /**
     * A public work whose clip went through the real upload and ffmpeg ladder and is ready to
     * watch (what a visitor's player needs); returns its id.
     */
    static long readyPublicWork(MockMvc mvc, CurrentMember owner, Path clip) throws Exception {
        long workId = uploadedPublicWork(mvc, owner, clip);
        Awaitility.await("work " + workId + " ready")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> mvc.perform(get("/works/" + workId + "/status").with(user(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .contains("\"state\":\"READY\""));
        return workId;
    }

    /** A public work "Magic Hour" whose clip is uploaded and queued; not waited for. */
    static long uploadedPublicWork(MockMvc mvc, CurrentMember owner, Path clip) throws Exception {
        String edit = mvc.perform(post("/works")
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "Magic Hour")
                        .param("description", "A test pattern")
                        .param("type", "SHORT")
                        .param("year", "2026")
                        .param("tags", "")
                        .param("credits", "")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long workId = Long.parseLong(edit.replaceAll("\\D", ""));
        byte[] bytes = Files.readAllBytes(clip);
        Base64.Encoder b64 = Base64.getEncoder();
        String location = mvc.perform(post("/uploads")
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", bytes.length)
                        .header(
                                "Upload-Metadata",
                                "target " + b64.encodeToString(("work:" + workId).getBytes(StandardCharsets.UTF_8))
                                        + ",filename "
                                        + b64.encodeToString("clip.mp4".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(patch(location)
                        .with(user(owner))
                        .with(csrf())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", 0)
                        .contentType("application/offset+octet-stream")
                        .content(bytes))
                .andExpect(status().isNoContent());
        return workId;
    }
}
