package org.cinely.connections;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.cinely.platform.MemberId;
import org.cinely.platform.cache.Invalidation;
import org.cinely.platform.web.MemberWroteOnThisNode;
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
 * minutes).
 *
 * <p>What a ranking shows (its first few, less anyone connected, requested, blocked, dismissed or
 * suspended since, as cards) is decided when the list is made and kept too, for {@code
 * cinely.connections.suggestions-shown-max-age} (10 s): the home shows it on every visit, and
 * making it was three queries (issue 15). The member's own connection and block events drop it
 * at once, and so does any member's write on this node ({@link MemberWroteOnThisNode}: a
 * dismissal, a profile edited or hidden, a member suspended); a change on another node shows
 * within the max age, and a suggestion acted on meanwhile is refused by the rules anyway.
 */
@Component
class SuggestionCache {

    /** Ranked candidates kept per member: a full suggestions page and spares. */
    static final int KEPT = 40;

    private final Cache<Long, List<ConnectionQueries.Candidate>> rankings;

    /** The lists made from each member's ranking, by how many were asked for (home 5, page 20). */
    private final Cache<Long, Map<Integer, List<Suggestion>>> shown;

    @Autowired
    SuggestionCache(
            @Value("${cinely.connections.suggestions-cache-ttl:5m}") Duration ttl,
            @Value("${cinely.connections.suggestions-shown-max-age:10s}") Duration shownMaxAge) {
        this(ttl, shownMaxAge, Ticker.systemTicker());
    }

    SuggestionCache(Duration ttl, Ticker ticker) {
        this(ttl, Duration.ZERO, ticker);
    }

    SuggestionCache(Duration ttl, Duration shownMaxAge, Ticker ticker) {
        this.rankings = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(50_000)
                .ticker(ticker)
                .build();
        this.shown = Caffeine.newBuilder()
                .expireAfterWrite(shownMaxAge.isZero() || shownMaxAge.isNegative() ? Duration.ofNanos(1) : shownMaxAge)
                .maximumSize(5_000)
                .ticker(ticker)
                .build();
    }

    List<ConnectionQueries.Candidate> ranking(MemberId member, Supplier<List<ConnectionQueries.Candidate>> rank) {
        return rankings.get(member.value(), id -> List.copyOf(rank.get()));
    }

    /** The list of {@code limit} suggestions shown to the member, made by {@code make} when not kept. */
    List<Suggestion> shown(MemberId member, int limit, Supplier<List<Suggestion>> make) {
        Map<Integer, List<Suggestion>> lists = shown.get(member.value(), id -> new ConcurrentHashMap<>());
        List<Suggestion> list = lists.get(limit);
        if (list == null) {
            list = List.copyOf(make.get());
            lists.put(limit, list);
        }
        return list;
    }

    void forget(MemberId... members) {
        Invalidation.nowAndAfterCommit(() -> {
            for (MemberId member : members) {
                rankings.invalidate(member.value());
                shown.invalidate(member.value());
            }
        });
    }

    @EventListener
    void on(MemberWroteOnThisNode wrote) {
        shown.invalidateAll();
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
