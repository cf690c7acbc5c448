package org.cinely.connections;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final ConnectionQueries queries;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConnectionService(
            ConnectionQueries queries, RateLimiter rateLimiter, ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /**
     * Asks {@code recipient} to connect. When they asked first, this accepts their request.
     *
     * @throws org.cinely.platform.security.RateLimitExceededException past 50 new requests a day
     */
    @Transactional
    Outcome request(MemberId me, MemberId recipient, String note) {
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
        rateLimiter.acquire(ConnectionRateLimits.REQUESTS, "member:" + a);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        try {
            long id = queries.insertRequest(a, b, cleanNote, now());
            events.publishEvent(new ConnectionRequested(id, me, recipient));
            return Outcome.SENT;
        } catch (DataIntegrityViolationException raced) {
            // They asked us at the same moment: their request is there now, so accept it.
            return settleWithOpenRequest(a, b).orElse(Outcome.ALREADY_REQUESTED);
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

    /** Only the recipient accepts; returns the requester. */
    @Transactional
    MemberId accept(MemberId me, long requestId) {
        ConnectionQueries.PendingRequest request = queries.request(requestId)
                .filter(r -> r.recipientId() == me.value())
                .orElseThrow(() -> new NotFoundException("request " + requestId));
        connect(request);
        return MemberId.of(request.requesterId());
    }

    /** Only the recipient declines; the requester is not told. Returns the requester. */
    @Transactional
    MemberId decline(MemberId me, long requestId) {
        ConnectionQueries.PendingRequest request = queries.request(requestId)
                .filter(r -> r.recipientId() == me.value())
                .orElseThrow(() -> new NotFoundException("request " + requestId));
        queries.deleteRequest(request.id());
        return MemberId.of(request.requesterId());
    }

    /** Only the requester withdraws. Returns the recipient. */
    @Transactional
    MemberId withdraw(MemberId me, long requestId) {
        ConnectionQueries.PendingRequest request = queries.request(requestId)
                .filter(r -> r.requesterId() == me.value())
                .orElseThrow(() -> new NotFoundException("request " + requestId));
        queries.deleteRequest(request.id());
        return MemberId.of(request.recipientId());
    }

    /** Ends a connection (either side may); false when there was none. */
    @Transactional
    boolean remove(MemberId me, MemberId other) {
        return queries.disconnect(me.value(), other.value()) > 0;
    }

    /** Blocks a member: any connection and pending request between the two goes too. */
    @Transactional
    boolean block(MemberId me, MemberId other) {
        if (me.equals(other)) {
            return false;
        }
        queries.block(me.value(), other.value(), now());
        queries.disconnect(me.value(), other.value());
        queries.deleteRequestBetween(me.value(), other.value());
        events.publishEvent(new MemberBlocked(me, other));
        return true;
    }

    @Transactional
    boolean unblock(MemberId me, MemberId other) {
        return queries.unblock(me.value(), other.value()) > 0;
    }

    @Transactional
    void dismiss(MemberId me, MemberId other) {
        if (!me.equals(other)) {
            queries.dismiss(me.value(), other.value(), now());
        }
    }
}
