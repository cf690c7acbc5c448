package org.cinely.connections;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfileCard;
import org.cinely.profiles.ProfilesApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules (the feed, works, profiles) may ask of connections. */
@Service
public class ConnectionsApi {

    /** How many shared-credit partners are weighed into suggestions (they are usually few). */
    static final int CREDIT_PARTNERS = 500;

    private final ConnectionQueries queries;
    private final ProfilesApi profiles;
    private final SuggestionCache cache;

    ConnectionsApi(ConnectionQueries queries, ProfilesApi profiles, SuggestionCache cache) {
        this.queries = queries;
        this.profiles = profiles;
        this.cache = cache;
    }

    /**
     * "People you may know", best first. The ranking comes from {@link SuggestionCache}; who may
     * be shown is decided when the list is made: anyone connected, requested, blocked or dismissed
     * since it was ranked is left out, and so are members no longer listed (suspended or banned).
     * The list made is kept a few seconds ({@link SuggestionCache#shown}).
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(MemberId member, int limit) {
        return cache.shown(member, limit, () -> make(member, limit));
    }

    private List<Suggestion> make(MemberId member, int limit) {
        List<ConnectionQueries.Candidate> ranked = cache.ranking(
                member,
                () -> queries.suggestions(
                        member.value(), profiles.creditPartners(member, CREDIT_PARTNERS), SuggestionCache.KEPT));
        List<ConnectionQueries.Candidate> candidates =
                ranked.stream().limit(limit + 10L).toList();
        Set<Long> gone = queries.noLongerSuggestible(
                member.value(), candidates.stream().map(c -> c.memberId()).toList());
        Map<MemberId, ProfileCard> cards = profiles.listedCards(candidates.stream()
                .filter(c -> !gone.contains(c.memberId()))
                .map(c -> MemberId.of(c.memberId()))
                .toList());
        List<Suggestion> suggestions = new ArrayList<>();
        for (ConnectionQueries.Candidate candidate : candidates) {
            ProfileCard card = cards.get(MemberId.of(candidate.memberId()));
            if (card != null) {
                suggestions.add(new Suggestion(card, candidate.mutual(), candidate.shared()));
            }
            if (suggestions.size() == limit) {
                break;
            }
        }
        return suggestions;
    }

    @Transactional(readOnly = true)
    public int connectionCount(MemberId member) {
        return queries.connectionCount(member.value());
    }

    @Transactional(readOnly = true)
    public boolean connected(MemberId a, MemberId b) {
        return queries.connected(a.value(), b.value());
    }

    /** True when either member blocked the other. */
    @Transactional(readOnly = true)
    public boolean blockedEitherWay(MemberId a, MemberId b) {
        return queries.blocks(a.value(), b.value()) || queries.blocks(b.value(), a.value());
    }

    /** Everyone connected to the member (a hub may have thousands: ids only). */
    @Transactional(readOnly = true)
    public List<MemberId> connectionsOf(MemberId member) {
        return queries.connectionIds(member.value(), Integer.MAX_VALUE).stream()
                .map(MemberId::of)
                .toList();
    }

    /** The members this one blocked or was blocked by: neither sees the other anywhere. */
    @Transactional(readOnly = true)
    public Set<MemberId> blockedEitherWay(MemberId member) {
        Set<MemberId> blocked = new HashSet<>();
        queries.blockedEitherWay(member.value()).forEach(id -> blocked.add(MemberId.of(id)));
        return blocked;
    }
}
