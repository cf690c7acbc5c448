package org.cinely.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Public pages as a visitor who is not signed in sees them, kept for {@code
 * cinely.public-page-cache.max-age} (10 s; 0 turns it off). Every visitor gets the same bytes for
 * the same address, so the directory, the board, a profile or a work is rendered once per max age
 * instead of once per visitor: the render (Thymeleaf, about two thirds of a page's CPU) is what
 * a page cost, and it is the same work each time. {@link PublicPageCacheFilter} decides what may
 * be kept (nothing personal: no session, no cookie set, no CSRF token in the page).
 *
 * <p>Any write on this node (a form post, a moderator's action) drops every kept page at once, so
 * whoever changed something sees it on the next page and so does every visitor; a change made on
 * another node, or by a background task (a video finishing its transcode, a scheduled purge),
 * shows within the max age. A page whose render began before a drop is not kept ({@link
 * #generation}), so a page read before a write committed cannot outlive the write.
 */
@Component
public class PublicPageCache {

    /** A kept page: the HTML and, compressed once, its gzip form for clients that accept it. */
    public record Page(byte[] body, byte[] gzipped, String contentType, String contentLanguage, long keptAt) {}

    /** Pages are kept up to this many bytes in all (about 1,500 directory pages). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Duration maxAge;
    private final Ticker ticker;
    private final Cache<String, Page> pages;
    /** Addresses whose expired page one request is rendering again, while others get the old one. */
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();

    private final AtomicLong generation = new AtomicLong();

    @Autowired
    PublicPageCache(@Value("${cinely.public-page-cache.max-age:10s}") Duration maxAge) {
        this(maxAge, Ticker.systemTicker());
    }

    PublicPageCache(Duration maxAge, Ticker ticker) {
        this.maxAge = maxAge;
        this.ticker = ticker;
        this.pages = Caffeine.newBuilder()
                // Kept twice the max age: past the max age, a page is served only while one request
                // renders it again, so a popular page expiring does not send every visitor of
                // that moment to render it at once.
                .expireAfterWrite(maxAge.isZero() || maxAge.isNegative() ? Duration.ofNanos(1) : maxAge.multipliedBy(2))
                .maximumWeight(MAX_BYTES)
                .weigher((String key, Page page) -> key.length() + page.body().length + page.gzipped().length)
                .ticker(ticker)
                .build();
    }

    public boolean enabled() {
        return !maxAge.isZero() && !maxAge.isNegative();
    }

    /**
     * The page to serve for this address, or null: then the caller renders it, hands it to {@link
     * #put} if it may be kept, and calls {@link #rendered} in any case. A page older than the max
     * age is renewed by the first request to find it so; until that one is done (and no longer
     * than twice the max age), the others get the page as it was.
     */
    public Page get(String key) {
        if (!enabled()) {
            return null;
        }
        Page page = pages.getIfPresent(key);
        if (page == null) {
            return null;
        }
        if (ticker.read() - page.keptAt() < maxAge.toNanos()) {
            return page;
        }
        return renewing.add(key) ? null : page;
    }

    /** The caller of {@link #get} that got null is done rendering (kept or not). */
    public void rendered(String key) {
        renewing.remove(key);
    }

    /** The current generation: read it before rendering, hand it to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** Keeps the page unless something was written since {@code renderedIn} began. */
    public void put(String key, long renderedIn, byte[] body, String contentType, String contentLanguage) {
        if (!enabled() || generation.get() != renderedIn) {
            return;
        }
        pages.put(
                key,
                new Page(
                        body,
                        Gzip.compress(body, Deflater.DEFAULT_COMPRESSION),
                        contentType,
                        contentLanguage,
                        ticker.read()));
        if (generation.get() != renderedIn) {
            // A write landed while the page was being kept: it may predate the write.
            pages.invalidate(key);
        }
    }

    /** Something public may have changed: every page is rendered afresh from now on. */
    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }
}
