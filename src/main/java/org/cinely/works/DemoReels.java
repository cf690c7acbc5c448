package org.cinely.works;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.media.MediaApi;
import org.cinely.platform.ProductionType;
import org.cinely.platform.demo.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Gives the demo community shared work: a few short 720p reels, made at start-up with ffmpeg's
 * generated sources (test pattern, Mandelbrot zoom, Game of Life, gradients, with a title where the
 * ffmpeg has {@code drawtext}) on a background thread, so start-up never waits. Each becomes a work
 * of a demo member through the same steps as the site's form and upload ({@link WorkService#create},
 * then {@link MediaApi#upload}, which checks and transcodes it like any upload).
 *
 * <p>Idempotent: a reel whose work (same owner, same title) already has a video is skipped, so a
 * restart makes nothing twice, and a restart after a crash mid-way finishes the rest. Without
 * ffmpeg it logs and skips. Only with demo data ({@code CINELY_DEMO_DATA}, off in tests) and
 * {@code cinely.demo.reels} (default true).
 */
@Component
@Order(40)
class DemoReels implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReels.class);

    /** One reel: whose, its title, the lavfi source, a tone for its sound. */
    record Reel(String handle, String title, String description, ProductionType type, String source, int tone) {}

    static final int SECONDS = 8;

    static final List<Reel> REELS = List.of(
            new Reel(
                    "jonas-berg",
                    "Harbour Light Tests",
                    "Colour and exposure tests for a night exterior on the water.",
                    ProductionType.REEL,
                    "testsrc2=size=1280x720:rate=30",
                    220),
            new Reel(
                    "maya-okafor",
                    "The Night Market — Teaser",
                    "Ten seconds of the mood we are after for the feature.",
                    ProductionType.FEATURE,
                    "mandelbrot=size=1280x720:rate=30:start_scale=2.5:end_scale=0.5:maxiter=500",
                    262),
            new Reel(
                    "sam-whitfield",
                    "Tungsten Life — Lighting Reel",
                    "Practical and tungsten set-ups from the last season.",
                    ProductionType.REEL,
                    "life=size=320x180:rate=30:mold=10:ratio=0.5:death_color=#1a1208:life_color=#f5a524,"
                            + "scale=1280:720:flags=neighbor",
                    294),
            new Reel(
                    "tomas-novak",
                    "Focus Pulls on Super 16",
                    "Follow focus on moving boats, handheld.",
                    ProductionType.REEL,
                    "gradients=size=1280x720:rate=30:speed=0.02:c0=#0f3057:c1=#f5a524:c2=#00587a:nb_colors=3",
                    330),
            new Reel(
                    "priya-nair",
                    "Open Water — Producer's Reel",
                    "Moments from the series we produced on the coast.",
                    ProductionType.REEL,
                    "gradients=size=1280x720:rate=30:speed=0.03:type=radial:c0=#06202b:c1=#2a9d8f:c2=#e9c46a",
                    392));

    private final DemoData demo;
    private final AccountsApi accounts;
    private final WorkService works;
    private final WorkRepository repository;
    private final MediaApi media;
    private final Environment environment;
    private final String ffmpeg;
    private final Path workDir;

    DemoReels(
            DemoData demo,
            AccountsApi accounts,
            WorkService works,
            WorkRepository repository,
            MediaApi media,
            Environment environment,
            @Value("${cinely.media.ffmpeg.ffmpeg-path:ffmpeg}") String ffmpeg,
            @Value("${cinely.data-dir}") Path dataDir) {
        this.demo = demo;
        this.accounts = accounts;
        this.works = works;
        this.repository = repository;
        this.media = media;
        this.environment = environment;
        this.ffmpeg = ffmpeg;
        this.workDir = dataDir.resolve("demo-reels");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || !environment.getProperty("cinely.demo.reels", Boolean.class, true)) {
            return;
        }
        Thread thread = new Thread(() -> makeAll(REELS, SECONDS), "demo-reels");
        thread.setDaemon(true); // never holds the JVM at shut-down; a half-made reel is made again next start
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Makes every reel not made yet, one after another; returns how many it uploaded. */
    int makeAll(List<Reel> reels, int seconds) {
        try {
            if (!ffmpegRuns()) {
                log.info("Demo reels skipped: ffmpeg ({}) is not available", ffmpeg);
                return 0;
            }
            boolean titles = hasDrawtext();
            int made = 0;
            for (Reel reel : reels) {
                if (make(reel, titles, seconds)) {
                    made++;
                }
            }
            if (made > 0) {
                log.info("Demo reels: {} generated and queued for transcoding", made);
            }
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException | IOException e) {
            log.warn("Demo reels stopped: {}", e.toString());
            return 0;
        }
    }

    private boolean make(Reel reel, boolean titles, int seconds) throws IOException, InterruptedException {
        Optional<MemberSummary> owner = accounts.findByHandle(reel.handle());
        if (owner.isEmpty()) {
            return false;
        }
        Optional<Work> existing = repository.findByTitle(reel.title()).stream()
                .filter(work -> work.ownedBy(owner.get().id()))
                .findFirst();
        if (existing.isPresent() && existing.get().getMediaAssetId() != null) {
            return false; // made on an earlier start
        }
        Files.createDirectories(workDir);
        Path clip = workDir.resolve(reel.handle() + ".mp4");
        if (!generate(reel, titles, seconds, clip) && !(titles && generate(reel, false, seconds, clip))) {
            log.warn("Demo reel '{}' could not be generated", reel.title());
            return false;
        }
        long workId;
        if (existing.isPresent()) {
            workId = existing.get().getId();
        } else {
            WorkForm form = new WorkForm(
                    reel.title(), reel.description(), reel.type(), 2026, "demo, reel", "", Visibility.PUBLIC);
            var errors = new BeanPropertyBindingResult(form, "workForm");
            Optional<Work> created = works.create(owner.get().id(), form, errors);
            if (created.isEmpty()) {
                log.warn("Demo reel '{}' was refused: {}", reel.title(), errors.getAllErrors());
                return false;
            }
            workId = created.get().getId();
        }
        try {
            media.upload(owner.get().id(), "work:" + workId, clip);
        } finally {
            Files.deleteIfExists(clip);
        }
        return true;
    }

    /** An H.264 + AAC MP4 of the reel's source, with 2-second keyframes, as a camera might give. */
    private boolean generate(Reel reel, boolean withTitle, int seconds, Path clip)
            throws IOException, InterruptedException {
        String video = reel.source();
        if (withTitle) {
            video += ",drawtext=text='" + escape(reel.title()) + "':fontcolor=white:fontsize=44"
                    + ":box=1:boxcolor=black@0.55:boxborderw=18:x=(w-text_w)/2:y=56";
        }
        List<String> command = new ArrayList<>(List.of(
                ffmpeg,
                "-hide_banner",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                video,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=" + reel.tone() + ":sample_rate=48000",
                "-t",
                Integer.toString(seconds),
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-af",
                "volume=0.2",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-pix_fmt",
                "yuv420p",
                "-g",
                "60",
                "-c:a",
                "aac",
                "-b:a",
                "96k",
                "-movflags",
                "+faststart",
                clip.toString()));
        return exitsCleanly(command, Duration.ofMinutes(5));
    }

    /** drawtext's text: its own escaping for quote, colon, backslash and percent. */
    static String escape(String text) {
        return text.replace("\\", "\\\\\\\\")
                .replace("'", "\u2019")
                .replace(":", "\\\\:")
                .replace("%", "\\\\%");
    }

    private boolean ffmpegRuns() throws InterruptedException {
        return exitsCleanly(List.of(ffmpeg, "-hide_banner", "-version"), Duration.ofSeconds(20));
    }

    private boolean hasDrawtext() throws InterruptedException {
        try {
            Process process = new ProcessBuilder(ffmpeg, "-hide_banner", "-filters")
                    .redirectErrorStream(true)
                    .start();
            String filters = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(20, TimeUnit.SECONDS);
            return filters.contains(" drawtext ");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean exitsCleanly(List<String> command, Duration limit) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return false;
        }
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
