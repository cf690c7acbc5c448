package org.cinely.profiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.cinely.platform.web.MemberWroteOnThisNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The most recently active members ("New on Cinely" on every member's home page), the same list
 * for everyone, kept for {@code cinely.profiles.recently-active-max-age} (10 s) instead of read
 * on every home page (about a tenth of its CPU, issue 15). Any member's write on this node drops
 * it ({@link MemberWroteOnThisNode}: a profile hidden, a member suspended, a new sign-up), so the
 * next page shows the change; another node's write shows within the max age. Each viewer is left
 * out of their own list by the caller, so one more than shown is kept.
 */
@Component
class RecentlyActiveCache {

    private final Cache<Integer, List<ProfileCard>> lists;

    @Autowired
    RecentlyActiveCache(@Value("${cinely.profiles.recently-active-max-age:10s}") Duration maxAge) {
        this(maxAge, Ticker.systemTicker());
    }

    RecentlyActiveCache(Duration maxAge, Ticker ticker) {
        this.lists = Caffeine.newBuilder()
                .expireAfterWrite(maxAge.isZero() || maxAge.isNegative() ? Duration.ofNanos(1) : maxAge)
                .maximumSize(20)
                .ticker(ticker)
                .build();
    }

    /** The {@code size} most recently active listed members, read by {@code read} when not kept. */
    List<ProfileCard> get(int size, IntFunction<List<ProfileCard>> read) {
        return lists.get(size, read::apply);
    }

    @EventListener
    void on(MemberWroteOnThisNode wrote) {
        lists.invalidateAll();
    }
}
