package org.cinely.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.cinely.platform.MemberId;
import org.cinely.platform.cache.Invalidation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The header's counts per member, kept for {@code cinely.header-counts.max-age} (10 s): a member
 * clicking through pages reads each count once, not once a page. The module that changes a count
 * calls {@link #forget} where it writes, so that node shows the change on the next page; another
 * node shows it within the max age (and open pages hear of new notifications through /live).
 */
@Component
public class HeaderCountCache {

    private record Key(String attribute, long member) {}

    private final Cache<Key, Integer> counts;

    @Autowired
    HeaderCountCache(@Value("${cinely.header-counts.max-age:10s}") Duration maxAge) {
        this(maxAge, Ticker.systemTicker());
    }

    HeaderCountCache(Duration maxAge, Ticker ticker) {
        this.counts = Caffeine.newBuilder()
                .expireAfterWrite(maxAge)
                .maximumSize(100_000)
                .ticker(ticker)
                .build();
    }

    int get(String attribute, MemberId member, IntSupplier count) {
        return counts.get(new Key(attribute, member.value()), key -> count.getAsInt());
    }

    /** The count {@code attribute} of these members changed (or may have): read it again. */
    public void forget(String attribute, MemberId... members) {
        Invalidation.nowAndAfterCommit(() -> {
            for (MemberId member : members) {
                counts.invalidate(new Key(attribute, member.value()));
            }
        });
    }
}
