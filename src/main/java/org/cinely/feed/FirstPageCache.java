package org.cinely.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.cinely.platform.MemberId;
import org.cinely.platform.cache.Invalidation;
import org.cinely.platform.web.MemberWroteOnThisNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first page of each member's feed as they last saw it, kept for {@code
 * cinely.feed.first-page-max-age} (10 s): a member's home reads it on every visit, and its
 * reads (the timeline and, for what each entry is about, people, works, jobs and blocks) were
 * most of that page's database work (issue 15).
 *
 * <p>Kept current on this node by what changes it: the member's timeline changing ({@link
 * FeedStore} forgets the members it fans out to or takes entries from), and any member's write
 * on this node ({@link MemberWroteOnThisNode}: a work trashed, a job closed, a profile hidden, a
 * block, a renamed member), which drops every kept page, because who may see an entry's subject is
 * decided by its owning module when the page is read. What changes without a member's write here
 * (another node's write, a job expiring) shows within the max age.
 */
@Component
class FirstPageCache {

    private final Cache<Long, FeedReader.FeedPage> pages;

    /** Counts every forgetting, so a read that overlapped one is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    @Autowired
    FirstPageCache(@Value("${cinely.feed.first-page-max-age:10s}") Duration maxAge) {
        this(maxAge, Ticker.systemTicker());
    }

    FirstPageCache(Duration maxAge, Ticker ticker) {
        this.pages = Caffeine.newBuilder()
                .expireAfterWrite(maxAge.isZero() || maxAge.isNegative() ? Duration.ofNanos(1) : maxAge)
                // A page is some tens of kilobytes of records; within the max age, 5,000 members
                // viewing their home is more than one node serves.
                .maximumSize(5_000)
                .ticker(ticker)
                .build();
    }

    /**
     * The kept page, or one read by {@code read} and kept. The read runs outside the cache's lock:
     * it needs a pooled connection, and requests waiting on a lock may hold the pool's others. A
     * page read while anything was forgotten is returned but not kept (it may predate the change).
     */
    FeedReader.FeedPage get(MemberId member, Supplier<FeedReader.FeedPage> read) {
        FeedReader.FeedPage page = pages.getIfPresent(member.value());
        if (page == null) {
            long before = forgotten.get();
            page = read.get();
            if (forgotten.get() == before) {
                pages.put(member.value(), page);
            }
        }
        return page;
    }

    /** These members' timelines changed. */
    void forget(Collection<MemberId> members) {
        Invalidation.nowAndAfterCommit(() -> {
            forgotten.incrementAndGet();
            members.forEach(member -> pages.invalidate(member.value()));
        });
    }

    /** Any timeline may have changed (entries taken back from everyone who had them). */
    void forgetAll() {
        Invalidation.nowAndAfterCommit(this::dropAll);
    }

    @EventListener
    void on(MemberWroteOnThisNode wrote) {
        dropAll();
    }

    private void dropAll() {
        forgotten.incrementAndGet();
        pages.invalidateAll();
    }
}
