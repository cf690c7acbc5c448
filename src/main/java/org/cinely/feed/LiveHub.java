package org.cinely.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinely.platform.MemberId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's open live pages, and the loop that feeds them. New {@link LiveEvents} rows are read
 * by id (every {@code cinely.live.poll-interval}, at once when this node commits some, or when
 * {@link RedisNudges} says another node did) and each goes to its member's open pages.
 *
 * <p>Rows can commit out of id order (two transactions), so an id skipped over is looked for
 * again for a few seconds before it is taken for a rollback. Each page has its own small queue
 * and is written by a pool thread, never by the loop: a browser that stops reading fills its
 * queue and is dropped (it reconnects and replays with Last-Event-ID), and a write that blocks
 * ties up only its own thread. Holding a page costs no thread and no database connection. One
 * class (just over 300 lines) because the read position, the gap bookkeeping and the pages it
 * feeds are one piece of state guarded by one lock.
 */
@Component
class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** Events waiting for one slow page before it is dropped. */
    static final int QUEUE_LIMIT = 200;

    private static final Duration GAP_PATIENCE = Duration.ofSeconds(5);

    private final LiveEvents events;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final Map<Long, Set<Connection>> pages = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Long, Long> gaps = new LinkedHashMap<>(); // id -> give up at (millis)
    private volatile ThreadPoolExecutor writers;
    private ScheduledExecutorService loop;
    private volatile long lastSeen;
    /** Where a page rendered now starts its stream: see {@link #pageStart()}. */
    private volatile long pageStart;

    private volatile boolean running;
    private final AtomicBoolean pollScheduled = new AtomicBoolean();

    LiveHub(
            LiveEvents events,
            @Value("${cinely.live.poll-interval:PT0.25S}") Duration pollInterval,
            @Value("${cinely.live.heartbeat:PT15S}") Duration heartbeat) {
        this.events = events;
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
        events.onPublished(this::wake);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts (and, after a {@link #stop}, starts again: a paused context is restarted) with fresh
     * threads.
     */
    @Override
    public synchronized void start() {
        lastSeen = events.maxId();
        pageStart = lastSeen;
        writers = new ThreadPoolExecutor(2, 512, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("live-write"));
        loop = Executors.newSingleThreadScheduledExecutor(daemon("live-loop"));
        loop.scheduleWithFixedDelay(
                this::pollSafely, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        loop.shutdownNow();
        pages.values().forEach(set -> set.forEach(c -> c.emitter.complete()));
        pages.clear();
        open.set(0);
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Looks for new rows now (a commit on this node, or a nudge from another). */
    void wake() {
        if (running && pollScheduled.compareAndSet(false, true)) {
            loop.execute(() -> {
                pollScheduled.set(false);
                pollSafely();
            });
        }
    }

    // ---------------------------------------------------------------- pages

    /**
     * Opens a page's stream: registers it first, then replays what it missed after {@code since},
     * so nothing falls between the two (an event seen both ways is sent once).
     */
    SseEmitter open(MemberId member, long since) {
        SseEmitter emitter = new SseEmitter(0L); // no time-out: heartbeats keep proxies awake
        Connection connection = new Connection(member, emitter);
        pages.computeIfAbsent(member.value(), id -> ConcurrentHashMap.newKeySet())
                .add(connection);
        open.incrementAndGet();
        emitter.onCompletion(() -> close(connection));
        emitter.onTimeout(() -> close(connection));
        emitter.onError(e -> close(connection));
        connection.offer(":" + " connected", null);
        for (LiveEvents.LiveEvent missed : events.afterFor(member, since, QUEUE_LIMIT)) {
            connection.offerEvent(missed);
        }
        return emitter;
    }

    int openPages() {
        return open.get();
    }

    /**
     * The live-event id a page rendered now starts its stream from, without asking the database:
     * the newest id this hub has read, or just before the oldest id it skipped and still waits for
     * (a transaction that had not committed yet), so that one is replayed too. It lags the
     * database's newest id by at most a poll (a commit on this node wakes the hub at once); a page
     * that starts a little early replays an event or two it already shows, which is harmless: the
     * counts are absolute and replay in order, and the feed fetches only entries it does not have.
     * Before the hub starts, the database is asked.
     */
    long pageStart() {
        return running ? pageStart : events.maxId();
    }

    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Ends the member's oldest streams until fewer than {@code max} are open. A page left by a
     * quick click stays registered until a write to it fails, so a member clicking through pages
     * would otherwise meet the cap with one tab open; the page being opened is the one they look
     * at, and an old page still open reconnects by itself.
     */
    void makeRoom(MemberId member, int max) {
        Set<Connection> set = pages.get(member.value());
        if (set == null) {
            return;
        }
        while (set.size() >= max) {
            Connection oldest = set.stream()
                    .min(java.util.Comparator.comparingLong(c -> c.openedAt))
                    .orElse(null);
            if (oldest == null) {
                return;
            }
            close(oldest);
            try {
                oldest.emitter.complete();
            } catch (RuntimeException e) {
                log.debug("Evicted stream already gone: {}", e.toString());
            }
        }
    }

    int openPages(MemberId member) {
        Set<Connection> set = pages.get(member.value());
        return set == null ? 0 : set.size();
    }

    private void close(Connection connection) {
        Set<Connection> set = pages.get(connection.member.value());
        if (set != null && set.remove(connection)) {
            open.decrementAndGet();
            if (set.isEmpty()) {
                pages.remove(connection.member.value(), set);
            }
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Live events could not be read now ({}); trying again", e.getMessage());
        }
    }

    private synchronized void poll() {
        long now = System.currentTimeMillis();
        gaps.values().removeIf(giveUpAt -> giveUpAt < now);
        List<LiveEvents.LiveEvent> fresh = events.afterOrAmong(lastSeen, gaps.keySet(), 2000);
        for (LiveEvents.LiveEvent event : fresh) {
            if (event.id() > lastSeen) {
                for (long skipped = lastSeen + 1; skipped < event.id() && gaps.size() < 10_000; skipped++) {
                    gaps.put(skipped, now + GAP_PATIENCE.toMillis());
                }
                lastSeen = event.id();
            }
            gaps.remove(event.id());
            Set<Connection> set = pages.get(event.member().value());
            if (set != null) {
                set.forEach(c -> c.offerEvent(event));
            }
        }
        // Skipped ids go into the map in ascending order: the first is the oldest.
        pageStart = gaps.isEmpty()
                ? lastSeen
                : Math.min(lastSeen, gaps.keySet().iterator().next() - 1);
        if (fresh.size() == 2000) {
            wake();
        }
    }

    private void beat() {
        pages.values().forEach(set -> set.forEach(c -> c.offer(": heartbeat", null)));
    }

    /** One open page: its queue, written to by at most one pool thread at a time. */
    private final class Connection {

        private final MemberId member;
        private final SseEmitter emitter;
        private final Deque<Object[]> queue = new ArrayDeque<>();
        private final Set<Long> recent = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > 1000;
            }
        });
        private boolean writing;
        private volatile boolean dropped;
        private final long openedAt = opened.incrementAndGet();

        Connection(MemberId member, SseEmitter emitter) {
            this.member = member;
            this.emitter = emitter;
        }

        void offerEvent(LiveEvents.LiveEvent event) {
            synchronized (this) {
                if (!recent.add(event.id())) {
                    return; // already sent (replayed and polled)
                }
            }
            offer(event.payload(), event);
        }

        /** A comment line (":...") or an event; drops the page when it does not keep up. */
        void offer(String data, LiveEvents.LiveEvent event) {
            boolean start = false;
            boolean dropNow = false;
            synchronized (this) {
                if (dropped) {
                    return;
                }
                if (queue.size() >= QUEUE_LIMIT) {
                    dropped = true;
                    dropNow = true;
                    queue.clear();
                } else {
                    queue.add(new Object[] {data, event});
                    start = !writing;
                    writing = true;
                }
            }
            if (dropNow) {
                drop();
            } else if (start) {
                schedule();
            }
        }

        /**
         * Lets go of a page that does not keep up: it leaves the hub at once (a write blocked on it
         * ties up only its own thread until the socket times out); the browser reconnects and
         * replays what it missed.
         */
        private void drop() {
            close(this);
            try {
                writers.execute(emitter::complete);
            } catch (RejectedExecutionException busy) {
                // the blocked write fails on its own when the socket times out
            }
        }

        private void schedule() {
            try {
                writers.execute(this::drain);
            } catch (RejectedExecutionException busy) {
                synchronized (this) {
                    writing = false; // picked up again by the next event or heartbeat
                }
            }
        }

        private void drain() {
            while (true) {
                Object[] next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null || dropped) {
                        writing = false;
                        return;
                    }
                }
                try {
                    LiveEvents.LiveEvent event = (LiveEvents.LiveEvent) next[1];
                    if (event == null) {
                        emitter.send(SseEmitter.event()
                                .comment(((String) next[0]).substring(1).strip()));
                    } else {
                        emitter.send(SseEmitter.event()
                                .id(Long.toString(event.id()))
                                .name(event.kind().eventName())
                                .data(event.payload()));
                    }
                } catch (IOException | IllegalStateException gone) {
                    synchronized (this) {
                        dropped = true;
                        queue.clear();
                        writing = false;
                    }
                    close(this);
                    return;
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
