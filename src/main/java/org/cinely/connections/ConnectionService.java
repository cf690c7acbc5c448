package org.cinely.connections;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of connecting. The acting member always comes from the session; a request id from a
 * URL is only acted on by the one member it allows (the recipient accepts or declines, the
 * requester withdraws), anyone else gets "not found", so ids cannot be probed.
 */
@Service
class ConnectionService {

    /** What became of "connect": each outcome has its own message. */
    enum Outcome {
        SENT,
        CONNECTED,
        ALREADY_CONNECTED,
        ALREADY_REQUESTED,
        SELF,
        UNAVAILABLE
    }

    static final int MAX_NOTE = 300;

    /** Tries of one connection request that lost a deadlock or a race before it gives up. */
    static final int MAX_ATTEMPTS = 4;

    private final ConnectionQueries queries;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate requestOnce;

    ConnectionService(
            ConnectionQueries queries,
            RateLimiter rateLimiter,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
        this.requestOnce = new TransactionTemplate(transactions);
        this.requestOnce.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /**
     * Asks {@code recipient} to connect. When they asked first, this accepts their request.
     *
     * <p>Two members may press "Connect" on each other at the same moment. The pair's unique key
     * decides who was first; the other finds that request and accepts it. This runs at READ
     * COMMITTED: under MySQL's default REPEATABLE READ, the locking read of a pair that has no
     * request yet takes a gap lock, and two such gap locks followed by two inserts deadlock. A
     * deadlock can still happen when three requests for one pair meet (a double click on one
     * side), so the whole transaction is retried a few times; each try starts afresh.
     *
     * @throws org.cinely.platform.security.RateLimitExceededException past 50 new requests a day
     */
    Outcome request(MemberId me, MemberId recipient, String note) {
        // A retried try does not count against the daily limit a second time.
        AtomicBoolean counted = new AtomicBoolean();
        for (int attempt = 1; ; attempt++) {
            try {
                return requestOnce.execute(status -> requestOnce(me, recipient, note, counted));
            } catch (PessimisticLockingFailureException | PairChangedMeanwhile raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
                pause(attempt);
            }
        }
    }

    private Outcome requestOnce(MemberId me, MemberId recipient, String note, AtomicBoolean counted) {
        long a = me.value();
        long b = recipient.value();
        if (a == b) {
            return Outcome.SELF;
        }
        if (queries.blocks(a, b) || queries.blocks(b, a)) {
            return Outcome.UNAVAILABLE;
        }
        if (queries.connected(a, b)) {
            return Outcome.ALREADY_CONNECTED;
        }
        Optional<Outcome> settled = settleWithOpenRequest(a, b);
        if (settled.isPresent()) {
            return settled.get();
        }
        if (!counted.get()) {
            rateLimiter.acquire(ConnectionRateLimits.REQUESTS, "member:" + a);
            counted.set(true);
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        long id;
        try {
            id = queries.insertRequest(a, b, cleanNote, now());
        } catch (DataIntegrityViolationException raced) {
            // They asked us at the same moment and their request is there now: accept it. If it
            // went again before we could lock it (withdrawn, accepted), start over.
            return settleWithOpenRequest(a, b).orElseThrow(PairChangedMeanwhile::new);
        }
        if (queries.connected(a, b)) {
            // Connected by a request and accept that both finished after we looked (seen now,
            // as this transaction reads what others committed): no request between connections.
            queries.deleteRequest(id);
            return Outcome.ALREADY_CONNECTED;
        }
        events.publishEvent(new ConnectionRequested(id, me, recipient));
        return Outcome.SENT;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a connection request", e);
        }
    }

    /** The pair's open request vanished between the failed insert and the lock; try again. */
    private static final class PairChangedMeanwhile extends RuntimeException {
        PairChangedMeanwhile() {
            super("the open request between two members changed meanwhile", null, false, false);
        }
    }

    private Optional<Outcome> settleWithOpenRequest(long a, long b) {
        return queries.requestBetweenForUpdate(a, b).map(open -> {
            if (open.requesterId() == a) {
                return Outcome.ALREADY_REQUESTED;
            }
            connect(open);
            return Outcome.CONNECTED;
        });
    }

    private void connect(ConnectionQueries.PendingRequest request) {
        queries.deleteRequest(request.id());
        queries.connect(request.requesterId(), request.recipientId(), now());
        events.publishEvent(
                new ConnectionAccepted(MemberId.of(request.requesterId()), MemberId.of(request.recipientId())));
    }

    /**
     * Only the recipient accepts; returns the requester. The request is locked, so a second
     * accept at the same moment (a double click, two tabs) waits for the first and finds it gone:
     * if the member it came from ({@code from}, as the page knew it) is connected now, that is the
     * same answer again, with no second connection or event; otherwise the request is not found.
     * READ COMMITTED so that the check after the wait sees what the first accept committed.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    Acceptance accept(MemberId me, long requestId, Optional<MemberId> from) {
        Optional<ConnectionQueries.PendingRequest> request =
                queries.requestForUpdate(requestId).filter(r -> r.recipientId() == me.value());
        if (request.isEmpty()) {
            // Accepted already (a double click), or withdrawn a moment before: the page says which.
            return from.map(requester -> new Acceptance(requester, queries.connected(me.value(), requester.value())))
                    .orElseThrow(() -> new NotFoundException("request " + requestId));
        }
        connect(request.get());
        return new Acceptance(MemberId.of(request.get().requesterId()), true);
    }

    /** What accepting a request came to: connected, or the request was withdrawn first. */
    record Acceptance(MemberId requester, boolean connected) {}

    /** Only the recipient declines; the requester is not told. Returns the requester. */
    @Transactional
    MemberId decline(MemberId me, long requestId) {
        ConnectionQueries.PendingRequest request = queries.request(requestId)
                .filter(r -> r.recipientId() == me.value())
                .orElseThrow(() -> new NotFoundException("request " + requestId));
        queries.deleteRequest(request.id());
        events.publishEvent(new ConnectionDeclined(request.id(), MemberId.of(request.requesterId()), me));
        return MemberId.of(request.requesterId());
    }

    /** What withdrawing a request came to: withdrawn, or accepted a moment before. */
    record Withdrawal(MemberId recipient, boolean acceptedFirst) {}

    /**
     * Only the requester withdraws. The request is locked as an accept locks it, so when the
     * recipient accepts at the same moment one of the two goes first: if the accept did, the
     * request is gone and the two are connected, which is what the requester is told ({@code to},
     * the recipient named by the form, says whom to look for).
     */
    @Transactional
    Withdrawal withdraw(MemberId me, long requestId, Optional<MemberId> to) {
        Optional<ConnectionQueries.PendingRequest> request =
                queries.requestForUpdate(requestId).filter(r -> r.requesterId() == me.value());
        if (request.isEmpty()) {
            return to.filter(recipient -> queries.connected(me.value(), recipient.value()))
                    .map(recipient -> new Withdrawal(recipient, true))
                    .orElseThrow(() -> new NotFoundException("request " + requestId));
        }
        queries.deleteRequest(request.get().id());
        events.publishEvent(new ConnectionWithdrawn(
                request.get().id(), me, MemberId.of(request.get().recipientId())));
        return new Withdrawal(MemberId.of(request.get().recipientId()), false);
    }

    @Transactional(readOnly = true)
    boolean connected(MemberId me, MemberId other) {
        return queries.connected(me.value(), other.value());
    }

    /** How long the member who removed a connection may put it back ({@link #restore}). */
    static final Duration RESTORABLE = Duration.ofDays(30);

    /**
     * Ends a connection (either side may); false when there was none. The one who removed it may
     * put it back for {@link #RESTORABLE} without a new request.
     */
    @Transactional
    boolean remove(MemberId me, MemberId other) {
        Optional<LocalDateTime> since = queries.connectedSince(me.value(), other.value());
        if (queries.disconnect(me.value(), other.value()) == 0) {
            return false;
        }
        queries.recordRemoval(me.value(), other.value(), since.orElse(now()), now());
        events.publishEvent(new ConnectionRemoved(me, other));
        return true;
    }

    /**
     * Puts back a connection this member removed within {@link #RESTORABLE}, with its original
     * date, unless either has blocked the other since. Nothing is announced again: the feed heard
     * of the connection when it was made ({@link ConnectionRestored} has no announcement).
     * Anyone else's removal, or an old one, is "not found".
     */
    @Transactional
    void restore(MemberId me, MemberId other) {
        LocalDateTime since = queries.removalForUpdate(me.value(), other.value(), now().minus(RESTORABLE))
                .orElseThrow(() -> new NotFoundException("removed connection"));
        queries.forgetRemovals(me.value(), other.value());
        if (queries.blocks(me.value(), other.value()) || queries.blocks(other.value(), me.value())) {
            throw new NotFoundException("removed connection");
        }
        if (!queries.connected(me.value(), other.value())) {
            queries.connect(me.value(), other.value(), since);
            events.publishEvent(new ConnectionRestored(me, other));
        }
    }

    /** Removals nobody may undo any more are forgotten (any node may run it: a plain delete). */
    @Scheduled(fixedDelayString = "${cinely.connections.removal-cleanup:PT1H}", initialDelayString = "PT2M")
    @Transactional
    void forgetOldRemovals() {
        queries.forgetRemovalsBefore(now().minus(RESTORABLE));
    }

    /** Blocks a member: any connection and pending request between the two goes too. */
    @Transactional
    boolean block(MemberId me, MemberId other) {
        if (me.equals(other)) {
            return false;
        }
        queries.block(me.value(), other.value(), now());
        queries.disconnect(me.value(), other.value());
        queries.forgetRemovals(me.value(), other.value());
        queries.deleteRequestBetween(me.value(), other.value());
        events.publishEvent(new MemberBlocked(me, other));
        return true;
    }

    @Transactional
    boolean unblock(MemberId me, MemberId other) {
        if (queries.unblock(me.value(), other.value()) == 0) {
            return false;
        }
        events.publishEvent(new MemberUnblocked(me, other));
        return true;
    }

    @Transactional
    void dismiss(MemberId me, MemberId other) {
        if (!me.equals(other)) {
            queries.dismiss(me.value(), other.value(), now());
        }
    }
}
