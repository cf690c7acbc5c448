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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
    /** A held job beats this often whatever it is doing (downloading, waiting for a thread, encoding). */
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);

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
    /** Made anew at each start: a stop (shutdown, or a test context paused) shuts it down. */
    private volatile ExecutorService pool;

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
    /** Jobs this node holds, each beating until it is settled or its claim is lost. */
    private final java.util.Map<Long, Held> held = new ConcurrentHashMap<>();

    private volatile ScheduledExecutorService beats = newBeats();

    private static ScheduledExecutorService newBeats() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "transcode-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    private ExecutorService newPool() {
        return Executors.newFixedThreadPool(transcoder.local() ? poolSize : 2, runnable -> {
            Thread thread = new Thread(
                    runnable, "transcode-" + UUID.randomUUID().toString().substring(0, 4));
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A job held here: its claim (with the fencing token), and whether that claim was lost. */
    final class Held {
        final TranscodeJobs.Job job;
        volatile boolean lost;
        private volatile ScheduledFuture<?> beat;

        Held(TranscodeJobs.Job job) {
            this.job = job;
        }

        /** Fails the run at once when the claim is gone (another node has the job, or it was deleted). */
        void checkStillHeld() {
            if (lost) {
                throw new LostClaim(job.id());
            }
            if (stopping) {
                throw new Unsettled(new IllegalStateException("shutting down"));
            }
        }
    }

    /** The job's claim moved on (see {@link TranscodeJobs}): this run must change nothing more. */
    static final class LostClaim extends RuntimeException {
        LostClaim(long jobId) {
            super("Transcode job " + jobId + " is no longer held here");
        }
    }

    private Held hold(TranscodeJobs.Job job) {
        Held holding = new Held(job);
        held.put(job.id(), holding);
        long every = HEARTBEAT_EVERY.toMillis();
        holding.beat = beats.scheduleAtFixedRate(() -> beat(holding), every, every, TimeUnit.MILLISECONDS);
        return holding;
    }

    private void beat(Held holding) {
        try {
            if (!holding.lost && !jobs.heartbeat(holding.job, null)) {
                holding.lost = true;
                log.warn("Transcode job {} lost its claim; this node stops working on it", holding.job.id());
            }
        } catch (RuntimeException e) {
            log.debug("Heartbeat of job {} not recorded: {}", holding.job.id(), e.toString());
        }
    }

    private void letGo(Held holding) {
        held.remove(holding.job.id(), holding);
        if (holding.beat != null) {
            holding.beat.cancel(false);
        }
    }

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
        this.pool = newPool();
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

    /** Claims at once when this node queued a job, rather than at the next poll (up to 2 s later). */
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "transcode-nudge");
        thread.setDaemon(true);
        return thread;
    });

    private final java.util.concurrent.atomic.AtomicBoolean nudgePending =
            new java.util.concurrent.atomic.AtomicBoolean();

    @EventListener
    void on(TranscodeQueued queued) {
        if (started && !stopping && nudgePending.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgePending.set(false);
                tick();
            });
        }
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
                    Held holding = hold(job.get());
                    pool.execute(() -> {
                        try {
                            run(holding);
                        } catch (Unsettled e) {
                            settleLater(id, e.getCause());
                        } catch (RuntimeException e) {
                            if (stopping || DatabaseFaults.databaseAway(e)) {
                                settleLater(id, e);
                            } else {
                                log.error("Transcode job {} broke off", id, e);
                            }
                        } finally {
                            letGo(holding);
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

    /** Runs a claimed job here and now, as its current holder (tests and the benchmark call this). */
    void runJob(long jobId) {
        Held holding = hold(jobs.find(jobId).orElseThrow());
        try {
            run(holding);
        } finally {
            letGo(holding);
        }
    }

    private void run(Held holding) {
        var job = holding.job;
        long jobId = job.id();
        Asset asset = assets.find(job.assetId()).orElse(null);
        if (asset == null || asset.sourceKey() == null) {
            jobs.failed(job, "The asset or its source is gone");
            return;
        }
        try {
            Transcoder.Task task = task(job, asset);
            if (task == null) {
                return;
            }
            holding.checkStillHeld();
            assets.state(asset.id(), MediaState.TRANSCODING, null);
            announce(asset, MediaState.TRANSCODING, 0);
            handle(holding, asset, transcoder.run(task, sink(holding, asset)));
        } catch (Transcoder.UnavailableException e) {
            log.warn("Transcoder unavailable for job {}: {}", jobId, e.getMessage());
            if (jobs.retryLater(job, backoff(job.attempts()), e.getMessage(), false)) {
                assets.state(asset.id(), MediaState.WAITING, null);
            }
        } catch (IOException | RuntimeException e) {
            if (holding.lost || causedBy(e, LostClaim.class)) {
                abandonLost(job, asset);
                return;
            }
            if (stopping || DatabaseFaults.databaseAway(e)) {
                throw new Unsettled(e); // not the video's fault: no attempt is spent
            }
            var fault = StorageFault.of(e);
            if (fault.isPresent()) {
                // Full or unwritable storage is the site's fault, not the video's: wait for it
                // without spending an attempt; what was stored stays, and the retry goes on from there.
                log.warn("Transcode job {} waits for storage: {} ({})", jobId, fault.get(), e.toString());
                if (jobs.retryLater(job, backoff(job.attempts()), fault.get().name(), false)) {
                    assets.state(asset.id(), MediaState.WAITING, fault.get().waitingKey());
                    announce(asset, MediaState.WAITING, 0);
                }
                return;
            }
            log.warn("Transcode job {} failed (attempt {})", jobId, job.attempts(), e);
            handle(holding, asset, new Transcoder.Failed("transcode-failed", true));
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A run that lost its claim changes nothing in the job or the asset: the new holder owns them.
     * If the asset is gone (its work deleted mid-transcode), what this run stored after the deletion
     * removed the asset's files is removed too, so nothing is left behind.
     */
    private void abandonLost(TranscodeJobs.Job job, Asset asset) {
        log.info("Transcode job {} stopped here: its claim moved on", job.id());
        try {
            if (assets.find(asset.id()).isEmpty()) {
                store.deleteAll(asset.prefix());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Files of deleted asset {} not removed yet: {}", asset.id(), e.toString());
        }
    }

    /** Asks a remote transcoder about a submitted job (on each poll and on each notification). */
    void check(long jobId) {
        // One check at a time per job: the poller and a notification arriving together would
        // otherwise both store renditions and count their bytes twice. A late or duplicate
        // notification, or one while another check runs, finds nothing to take.
        var job = jobs.leaseRemote(jobId, ABANDONED_AFTER).orElse(null);
        if (job == null) {
            return;
        }
        Held holding = hold(job);
        try {
            check(holding);
        } finally {
            letGo(holding);
            jobs.release(job);
        }
    }

    private void check(Held holding) {
        var job = holding.job;
        long jobId = job.id();
        Asset asset = assets.find(job.assetId()).orElse(null);
        if (asset == null) {
            return;
        }
        try {
            Transcoder.Task task = task(job, asset);
            if (task != null) {
                handle(holding, asset, transcoder.poll(job.externalId(), task, sink(holding, asset)));
            }
        } catch (Transcoder.UnavailableException e) {
            log.info("Transcoder unreachable while checking job {}: {}", jobId, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (DatabaseFaults.databaseAway(e)) {
                log.info("Checking transcode job {} waits for the database: {}", jobId, e.getMessage());
                return; // the poller asks again; the remote transcoder keeps its result
            }
            if (holding.lost || causedBy(e, LostClaim.class)) {
                abandonLost(job, asset);
                return;
            }
            log.warn("Checking transcode job {} failed", jobId, e);
            handle(holding, asset, new Transcoder.Failed("transcode-failed", true));
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
                boolean ours = tx.execute(status -> {
                    if (!jobs.failed(job, reason)) {
                        return false; // another holder has the job now: it decides
                    }
                    assets.rejected(asset.id(), reason);
                    events.publishEvent(new MediaRejected(asset.id(), asset.owner(), asset.target(), reason));
                    return true;
                });
                if (ours) {
                    store.deleteAll(asset.prefix());
                }
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

    private Transcoder.Sink sink(Held holding, Asset asset) {
        TranscodeJobs.Job job = holding.job;
        return new Transcoder.Sink() {
            private final List<Ladder.Rung> ready = new ArrayList<>();

            private int announced = -100;

            @Override
            public void progress(int percent) {
                holding.checkStillHeld();
                try {
                    if (!jobs.heartbeat(job, percent)) {
                        holding.lost = true;
                        throw new LostClaim(job.id());
                    }
                    assets.progress(asset.id(), percent);
                } catch (RuntimeException e) {
                    if (e instanceof LostClaim || !DatabaseFaults.databaseAway(e)) {
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

            /** Rungs whose playlists are still growing: the master lists them beside the finished ones. */
            private final List<Ladder.Rung> growing = new ArrayList<>();

            @Override
            public synchronized void streaming(List<Ladder.Rung> rungs) throws IOException {
                holding.checkStillHeld();
                Asset current = assets.find(asset.id()).orElseThrow(() -> new LostClaim(job.id()));
                growing.addAll(rungs); // as the transcoder makes them: copied or re-encoded
                writeMaster(current, current.renditionHeights());
                tx.executeWithoutResult(status -> {
                    if (!jobs.heartbeat(job, null)) {
                        holding.lost = true;
                        throw new LostClaim(job.id());
                    }
                    Asset locked = assets.findForUpdate(asset.id()).orElseThrow(() -> new LostClaim(job.id()));
                    assets.streaming(asset.id(), true);
                    if (locked.renditionHeights().isEmpty() && !locked.streaming()) {
                        events.publishEvent(new MediaBecamePlayable(asset.id(), asset.target()));
                    }
                });
                // Open pages learn that the video plays now (the owner's upload page turns into the player).
                announce(asset, MediaState.TRANSCODING, current.progress());
            }

            /**
             * The master playlist lists the finished renditions (measured exactly) and those still
             * growing; players that started early switch to the higher ones without a reload.
             */
            private void writeMaster(Asset current, List<Integer> finished) throws IOException {
                List<Ladder.Rung> ladder = Ladder.forSource(current.width(), current.height(), current.videoCodec());
                var byHeight = new java.util.TreeMap<Integer, Ladder.Rung>();
                ladder.stream().filter(r -> finished.contains(r.height())).forEach(r -> byHeight.put(r.height(), r));
                growing.forEach(r -> byHeight.put(r.height(), r)); // as made: copied or re-encoded
                List<Ladder.Rung> listed = List.copyOf(byHeight.values());
                if (listed.isEmpty()) {
                    return;
                }
                store.put(
                        asset.prefix() + "hls/master.m3u8",
                        MasterPlaylist.of(
                                        store, asset.prefix() + "hls/", listed, current.hasAudio(), current.frameRate())
                                .getBytes(StandardCharsets.UTF_8),
                        "application/vnd.apple.mpegurl");
            }

            @Override
            public synchronized void renditionReady(Ladder.Rung rung, long bytes) throws IOException {
                holding.checkStillHeld();
                Asset current = assets.find(asset.id()).orElseThrow(() -> new LostClaim(job.id()));
                List<Integer> heights = new ArrayList<>(current.renditionHeights());
                if (heights.contains(rung.height())) {
                    return;
                }
                heights.add(rung.height());
                heights.sort(null);
                if (Ladder.forSource(current.width(), current.height(), current.videoCodec()).stream()
                        .noneMatch(r -> r.height() == rung.height())) {
                    growing.add(rung); // a rung outside the ladder (a transcoder's own): listed anyway
                }
                writeMaster(current, heights);
                tx.executeWithoutResult(status -> {
                    // Fenced, and one update of the asset at a time: its row is locked and read
                    // again, so a rendition is recorded (and its bytes counted) once.
                    if (!jobs.heartbeat(job, null)) {
                        holding.lost = true;
                        throw new LostClaim(job.id());
                    }
                    Asset locked = assets.findForUpdate(asset.id()).orElseThrow(() -> new LostClaim(job.id()));
                    if (locked.renditionHeights().contains(rung.height())) {
                        return;
                    }
                    List<Integer> recorded = new ArrayList<>(locked.renditionHeights());
                    recorded.add(rung.height());
                    recorded.sort(null);
                    assets.renditions(asset.id(), recorded, bytes);
                    if (locked.renditionHeights().isEmpty() && !locked.streaming()) {
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

    private void handle(Held holding, Asset asset, Transcoder.Outcome outcome) {
        TranscodeJobs.Job job = holding.job;
        if (outcome instanceof Transcoder.Done) {
            tx.executeWithoutResult(status -> {
                if (jobs.finished(job)) {
                    assets.state(asset.id(), MediaState.READY, null);
                    assets.streaming(asset.id(), false);
                    assets.progress(asset.id(), 100);
                    events.publishEvent(new MediaReady(asset.id(), asset.target()));
                    log.info("Transcode job {} done: asset {} ready", job.id(), asset.id());
                }
            });
            announce(asset, MediaState.READY, 100);
        } else if (outcome instanceof Transcoder.Submitted submitted) {
            jobs.submitted(job, submitted.externalId());
        } else if (outcome instanceof Transcoder.Working working) {
            if (jobs.heartbeat(job, working.percent())) {
                assets.progress(asset.id(), working.percent());
            }
        } else if (outcome instanceof Transcoder.Failed failed) {
            int attempts = jobs.find(job.id()).map(TranscodeJobs.Job::attempts).orElse(job.attempts());
            if (failed.retryable() && attempts < maxAttempts) {
                if (jobs.retryLater(job, backoff(attempts), failed.reason(), true)) {
                    assets.state(asset.id(), MediaState.WAITING, null);
                    // The failed run removed the segments it had streamed: nothing plays until the retry streams again.
                    assets.streaming(asset.id(), false);
                }
            } else {
                String reason = "media.failed." + failed.reason();
                tx.executeWithoutResult(status -> {
                    if (jobs.failed(job, failed.reason())) {
                        assets.state(asset.id(), MediaState.FAILED, reason);
                        assets.streaming(asset.id(), false); // a half-written ladder no longer plays
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

    /**
     * Starts, or starts again after a stop: Spring's test framework stops a cached context it
     * pauses and starts it when a test uses it again, so a stop must not be for good.
     */
    @Override
    public void start() {
        synchronized (claimLock) {
            if (pool.isShutdown()) {
                pool = newPool();
            }
            if (beats.isShutdown()) {
                beats = newBeats();
            }
            stopping = false;
            running = true;
        }
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
        beats.shutdownNow();
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
        nudges.shutdownNow();
        beats.shutdownNow();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
