package org.cinely.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinely.platform.database.DatabaseFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims queued transcode jobs (any node may, one at a time per job), runs them on a bounded
 * pool, and moves each job and its asset through their states. Retries back off; a transcoder
 * that is missing or down leaves the job queued and the asset "waiting for transcoder". A job
 * this node cannot finish through no fault of the video — the app shuts down, the database goes
 * away mid-way — is handed back to the queue with its attempt returned, at once rather than after
 * {@link #ABANDONED_AFTER}. One class because the job's and the asset's state machines move in
 * step here, and only here.
 */
@Component
class TranscodeWorker implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TranscodeWorker.class);
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(90);

    private final TranscodeJobs jobs;
    private final MediaAssets assets;
    private final MediaStore store;
    private final Transcoder transcoder;
    private final Ffprobe probe;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int poolSize;
    private final int maxAttempts;
    private final ExecutorService pool;
    private final AtomicInteger busy = new AtomicInteger();
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean started;
    /** Set once shutdown begins: nothing more is claimed, and running jobs are handed back. */
    private volatile boolean stopping;

    private volatile boolean running;
    /** Claims and the start of shutdown exclude each other, so no claim slips past the hand-back. */
    private final Object claimLock = new Object();
    /** Jobs claimed here that could not be settled while the database was away. */
    private final Set<Long> unsettled = ConcurrentHashMap.newKeySet();

    TranscodeWorker(
            TranscodeJobs jobs,
            MediaAssets assets,
            MediaStore store,
            Transcoder transcoder,
            Ffprobe probe,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            MediaProperties properties) {
        this.jobs = jobs;
        this.assets = assets;
        this.store = store;
        this.transcoder = transcoder;
        this.probe = probe;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.poolSize = Math.max(1, properties.ffmpeg().poolSize());
        this.maxAttempts = Math.max(1, properties.maxAttempts());
        this.pool = Executors.newFixedThreadPool(transcoder.local() ? poolSize : 2, runnable -> {
            Thread thread = new Thread(
                    runnable, "transcode-" + UUID.randomUUID().toString().substring(0, 4));
            thread.setDaemon(true);
            return thread;
        });
    }

    Transcoder transcoder() {
        return transcoder;
    }

    /** After a crash or restart, jobs left running by a dead worker go back to the queue. */
    @EventListener(ApplicationReadyEvent.class)
    void recoverOnStart() {
        int requeued = jobs.requeueAbandoned(clock.instant().minus(ABANDONED_AFTER));
        if (requeued > 0) {
            log.info("Re-queued {} transcode job(s) left running by a stopped worker", requeued);
        }
        if (!transcoder.available()) {
            log.warn("The {} transcoder is not available: uploads are kept and wait for it", transcoder.name());
        }
        started = true;
    }

    @Scheduled(fixedDelayString = "${cinely.media.poll-interval}", initialDelayString = "${cinely.media.poll-interval}")
    void tick() {
        if (!started || stopping) {
            return;
        }
        try {
            handBackUnsettled();
            jobs.requeueAbandoned(clock.instant().minus(ABANDONED_AFTER));
            if (!transcoder.available()) {
                return;
            }
            int capacity = transcoder.local() ? poolSize : 8;
            synchronized (claimLock) {
                while (!stopping && busy.get() < capacity) {
                    var job = jobs.claim(node, transcoder.name());
                    if (job.isEmpty()) {
                        break;
                    }
                    busy.incrementAndGet();
                    long id = job.get().id();
                    pool.execute(() -> {
                        try {
                            runJob(id);
                        } catch (Unsettled e) {
                            settleLater(id, e.getCause());
                        } catch (RuntimeException e) {
                            if (stopping || DatabaseFaults.databaseAway(e)) {
                                settleLater(id, e);
                            } else {
                                log.error("Transcode job {} broke off", id, e);
                            }
                        } finally {
                            busy.decrementAndGet();
                        }
                    });
                }
            }
            if (!transcoder.local()) {
                for (var job : jobs.runningRemote(transcoder.name())) {
                    check(job.id());
                }
            }
        } catch (RuntimeException e) {
            if (DatabaseFaults.databaseAway(e)) {
                log.info("Transcode poll waits for the database: {}", e.getMessage());
            } else {
                log.warn("Transcode poll failed; trying again on the next tick", e);
            }
        }
    }

    /** A job could not be settled here (shutdown, or the database away): it goes back to the queue. */
    private void settleLater(long jobId, Throwable why) {
        if (stopping) {
            log.info("Transcode job {} stopped by shutdown; it is handed back", jobId);
            return; // stop() hands back every job this node holds
        }
        log.warn("Transcode job {} lost the database mid-way ({}); handed back once it is back", jobId, why.toString());
        unsettled.add(jobId);
    }

    private void handBackUnsettled() {
        for (Long jobId : List.copyOf(unsettled)) {
            handBack(jobId);
            unsettled.remove(jobId);
        }
    }

    private boolean handBack(long jobId) {
        var job = jobs.find(jobId).orElse(null);
        if (job == null || !jobs.handBack(jobId, node)) {
            return false;
        }
        assets.state(job.assetId(), MediaState.WAITING, null);
        return true;
    }

    /** Thrown out of {@link #runJob} when the job must not be counted as failed, only handed back. */
    static final class Unsettled extends RuntimeException {
        Unsettled(Throwable cause) {
            super(cause);
        }
    }

    /** Runs a claimed job here and now (the scheduler does this; tests and the benchmark too). */
    void runJob(long jobId) {
        var job = jobs.find(jobId).orElseThrow();
        Asset asset = assets.find(job.assetId()).orElse(null);
        if (asset == null || asset.sourceKey() == null) {
            jobs.failed(jobId, "The asset or its source is gone");
            return;
        }
        try {
            Transcoder.Task task = task(job, asset);
            if (task == null) {
                return;
            }
            assets.state(asset.id(), MediaState.TRANSCODING, null);
            announce(asset, MediaState.TRANSCODING, 0);
            handle(job, asset, transcoder.run(task, sink(job, asset)));
        } catch (Transcoder.UnavailableException e) {
            log.warn("Transcoder unavailable for job {}: {}", jobId, e.getMessage());
            jobs.retryLater(jobId, backoff(job.attempts()), e.getMessage(), false);
            assets.state(asset.id(), MediaState.WAITING, null);
        } catch (IOException | RuntimeException e) {
            if (stopping || DatabaseFaults.databaseAway(e)) {
                throw new Unsettled(e); // not the video's fault: no attempt is spent
            }
            var fault = StorageFault.of(e);
            if (fault.isPresent()) {
                // Full or unwritable storage is the site's fault, not the video's: wait for it
                // without spending an attempt; what was stored stays, and the retry goes on from there.
                log.warn("Transcode job {} waits for storage: {} ({})", jobId, fault.get(), e.toString());
                jobs.retryLater(jobId, backoff(job.attempts()), fault.get().name(), false);
                assets.state(asset.id(), MediaState.WAITING, fault.get().waitingKey());
                announce(asset, MediaState.WAITING, 0);
                return;
            }
            log.warn("Transcode job {} failed (attempt {})", jobId, job.attempts(), e);
            handle(job, asset, new Transcoder.Failed("transcode-failed", true));
        }
    }

    /** Asks a remote transcoder about a submitted job (on each poll and on each notification). */
    void check(long jobId) {
        var job = jobs.find(jobId).orElse(null);
        if (job == null || !"RUNNING".equals(job.state()) || job.externalId() == null) {
            return; // a late or duplicate notification: nothing left to do
        }
        Asset asset = assets.find(job.assetId()).orElse(null);
        if (asset == null) {
            return;
        }
        try {
            Transcoder.Task task = task(job, asset);
            if (task != null) {
                handle(job, asset, transcoder.poll(job.externalId(), task, sink(job, asset)));
            }
        } catch (Transcoder.UnavailableException e) {
            log.info("Transcoder unreachable while checking job {}: {}", jobId, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (DatabaseFaults.databaseAway(e)) {
                log.info("Checking transcode job {} waits for the database: {}", jobId, e.getMessage());
                return; // the poller asks again; the remote transcoder keeps its result
            }
            log.warn("Checking transcode job {} failed", jobId, e);
            handle(job, asset, new Transcoder.Failed("transcode-failed", true));
        }
    }

    private Transcoder.Task task(TranscodeJobs.Job job, Asset asset)
            throws IOException, Transcoder.UnavailableException {
        Ffprobe.Probe facts;
        if (asset.width() == null) {
            // Not checked yet (every upload is checked here, on this bounded pool, not in its request).
            if (!probe.available()) {
                throw new Transcoder.UnavailableException("ffprobe is not available to check the upload", null);
            }
            if (store instanceof LocalMediaStore local) {
                facts = probe.probe(local.root().resolve(asset.sourceKey()));
            } else {
                java.nio.file.Path copy = java.nio.file.Files.createTempFile("cinely-source", ".bin");
                try {
                    store.download(asset.sourceKey(), copy);
                    facts = probe.probe(copy);
                } finally {
                    java.nio.file.Files.deleteIfExists(copy);
                }
            }
            if (!facts.accepted()) {
                String reason = "media.rejected." + facts.rejection();
                store.deleteAll(asset.prefix());
                tx.executeWithoutResult(status -> {
                    jobs.failed(job.id(), reason);
                    assets.rejected(asset.id(), reason);
                    events.publishEvent(new MediaRejected(asset.id(), asset.owner(), asset.target(), reason));
                });
                return null;
            }
            assets.probed(
                    asset.id(),
                    facts.durationMs(),
                    facts.width(),
                    facts.height(),
                    facts.codec(),
                    facts.hasAudio(),
                    facts.fps());
        } else {
            // Probed when the upload completed: the facts are in the row, no need to read the file again.
            facts = new Ffprobe.Probe(
                    null,
                    asset.durationMs() == null ? 0 : asset.durationMs(),
                    asset.width(),
                    asset.height(),
                    asset.videoCodec(),
                    asset.hasAudio(),
                    asset.frameRate() == null ? 30 : asset.frameRate(),
                    null); // the container is probed again by the transcoder that reads the file
        }
        List<Ladder.Rung> ladder = Ladder.forSource(facts.width(), facts.height(), facts.codec());
        return new Transcoder.Task(
                job.id(),
                asset.id(),
                asset.sourceKey(),
                asset.prefix() + "hls/",
                facts,
                ladder,
                asset.renditionHeights());
    }

    /** Lets open pages follow the video (never fails the job: it is only a courtesy). */
    private void announce(Asset asset, MediaState state, int percent) {
        try {
            events.publishEvent(new MediaProgressed(asset.id(), asset.owner(), asset.target(), state, percent));
        } catch (RuntimeException e) {
            log.debug("Progress of asset {} not announced: {}", asset.id(), e.getMessage());
        }
    }

    private Transcoder.Sink sink(TranscodeJobs.Job job, Asset asset) {
        return new Transcoder.Sink() {
            private final List<Ladder.Rung> ready = new ArrayList<>();

            private int announced = -100;

            @Override
            public void progress(int percent) {
                try {
                    assets.progress(asset.id(), percent);
                    jobs.heartbeat(job.id(), percent);
                } catch (RuntimeException e) {
                    if (!DatabaseFaults.databaseAway(e)) {
                        throw e;
                    }
                    // The encode goes on; what it stores is recorded once the database is back.
                    log.debug("Progress of job {} not recorded: the database is away", job.id());
                    return;
                }
                if (percent - announced >= 5) { // open pages follow in steps, not every tick
                    announced = percent;
                    announce(asset, MediaState.TRANSCODING, percent);
                }
            }

            @Override
            public synchronized void renditionReady(Ladder.Rung rung, long bytes) throws IOException {
                Asset current = assets.find(asset.id()).orElseThrow();
                List<Integer> heights = new ArrayList<>(current.renditionHeights());
                if (heights.contains(rung.height())) {
                    return;
                }
                heights.add(rung.height());
                heights.sort(null);
                List<Ladder.Rung> ladder = Ladder.forSource(current.width(), current.height(), current.videoCodec());
                List<Ladder.Rung> done = ladder.stream()
                        .filter(r -> heights.contains(r.height()))
                        .toList();
                if (done.isEmpty()) {
                    done = List.of(rung);
                }
                // The master playlist grows as renditions finish; players pick the new ones up.
                store.put(
                        asset.prefix() + "hls/master.m3u8",
                        Ladder.masterPlaylist(done, current.hasAudio()).getBytes(StandardCharsets.UTF_8),
                        "application/vnd.apple.mpegurl");
                boolean first = current.renditionHeights().isEmpty();
                tx.executeWithoutResult(status -> {
                    assets.renditions(asset.id(), heights, bytes);
                    jobs.heartbeat(job.id(), current.progress());
                    if (first) {
                        events.publishEvent(new MediaBecamePlayable(asset.id(), asset.target()));
                    }
                });
            }

            @Override
            public void posterReady(String key) {
                assets.poster(asset.id(), key);
            }
        };
    }

    private void handle(TranscodeJobs.Job job, Asset asset, Transcoder.Outcome outcome) {
        if (outcome instanceof Transcoder.Done) {
            tx.executeWithoutResult(status -> {
                if (jobs.finished(job.id())) {
                    assets.state(asset.id(), MediaState.READY, null);
                    assets.progress(asset.id(), 100);
                    events.publishEvent(new MediaReady(asset.id(), asset.target()));
                    log.info("Transcode job {} done: asset {} ready", job.id(), asset.id());
                }
            });
            announce(asset, MediaState.READY, 100);
        } else if (outcome instanceof Transcoder.Submitted submitted) {
            jobs.submitted(job.id(), submitted.externalId());
        } else if (outcome instanceof Transcoder.Working working) {
            assets.progress(asset.id(), working.percent());
            jobs.heartbeat(job.id(), working.percent());
        } else if (outcome instanceof Transcoder.Failed failed) {
            int attempts = jobs.find(job.id()).map(TranscodeJobs.Job::attempts).orElse(job.attempts());
            if (failed.retryable() && attempts < maxAttempts) {
                jobs.retryLater(job.id(), backoff(attempts), failed.reason(), true);
                assets.state(asset.id(), MediaState.WAITING, null);
            } else {
                String reason = "media.failed." + failed.reason();
                tx.executeWithoutResult(status -> {
                    if (jobs.failed(job.id(), failed.reason())) {
                        assets.state(asset.id(), MediaState.FAILED, reason);
                        events.publishEvent(new TranscodeFailed(asset.id(), asset.owner(), asset.target(), reason));
                    }
                });
                announce(asset, MediaState.FAILED, 0);
            }
        }
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(600, 15L << Math.min(10, Math.max(0, attempts - 1)));
        return Duration.ofSeconds(seconds);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Graceful shutdown, before the database closes: claim nothing more, stop the encodes running
     * here (their ffmpeg is killed) and hand their jobs back at once, attempts returned, so another
     * node or the next start resumes them after the renditions already stored.
     */
    @Override
    public void stop() {
        synchronized (claimLock) {
            stopping = true;
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Transcodes still running after 10 s; handing their jobs back anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int handedBack = 0;
            for (var job : jobs.claimedLocallyBy(node)) {
                handedBack += handBack(job.id()) ? 1 : 0;
            }
            if (handedBack > 0) {
                log.info("Shutdown: handed back {} transcode job(s) to the queue", handedBack);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Shutdown: transcode jobs not handed back ({}); they return to the queue after {}",
                    e.getMessage(),
                    ABANDONED_AFTER);
        }
        running = false;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
