package org.cinely.connections;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.cinely.platform.MemberId;
import org.cinely.platform.cache.Invalidation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "People you may know" ranked once per member and kept for a while: the ranking groups every
 * friend of a friend (25,000 rows for a member with 500 connections, about 30 ms of database
 * time), and the home page asks for it on every visit. The member's own connection events drop
 * their entry on this node at once; the ranking's drift from others' new connections and
 * credits is bounded by its time to live ({@code cinely.connections.suggestions-cache-ttl}, 5
 * minutes). Whom a cached ranking must no longer show (connected,
 * requested, blocked, dismissed, suspended) is checked again on every read, so a cached entry on
 * another node never brings them back.
 */
@Component
class SuggestionCache {

    /** Ranked candidates kept per member: a full suggestions page and spares. */
    static final int KEPT = 40;

    private final Cache<Long, List<ConnectionQueries.Candidate>> rankings;

    @Autowired
    SuggestionCache(@Value("${cinely.connections.suggestions-cache-ttl:5m}") Duration ttl) {
        this(ttl, Ticker.systemTicker());
    }

    SuggestionCache(Duration ttl, Ticker ticker) {
        this.rankings = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(50_000)
                .ticker(ticker)
                .build();
    }

    List<ConnectionQueries.Candidate> ranking(MemberId member, Supplier<List<ConnectionQueries.Candidate>> rank) {
        return rankings.get(member.value(), id -> List.copyOf(rank.get()));
    }

    void forget(MemberId... members) {
        Invalidation.nowAndAfterCommit(() -> {
            for (MemberId member : members) {
                rankings.invalidate(member.value());
            }
        });
    }

    @EventListener
    void on(ConnectionAccepted event) {
        forget(event.requester(), event.accepter());
    }

    @EventListener
    void on(ConnectionRemoved event) {
        forget(event.remover(), event.other());
    }

    @EventListener
    void on(ConnectionRequested event) {
        forget(event.requester(), event.recipient());
    }

    @EventListener
    void on(ConnectionDeclined event) {
        forget(event.requester(), event.recipient());
    }

    @EventListener
    void on(ConnectionWithdrawn event) {
        forget(event.requester(), event.recipient());
    }

    @EventListener
    void on(MemberBlocked event) {
        forget(event.blocker(), event.blocked());
    }

    @EventListener
    void on(MemberUnblocked event) {
        forget(event.unblocker(), event.unblocked());
    }
}
