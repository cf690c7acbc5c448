package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.cinely.test.Gunzip;
import org.junit.jupiter.api.Test;

class PublicPageCacheTests {

    static final String TYPE = "text/html;charset=UTF-8";

    final AtomicLong nanos = new AtomicLong();
    final PublicPageCache cache = new PublicPageCache(Duration.ofSeconds(10), nanos::get);

    static byte[] html(String text) {
        return ("<html><body>" + text + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    static String text(PublicPageCache.Page page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }

    void keep(String key, String text) {
        cache.put(key, cache.generation(), html(text), TYPE, "en");
    }

    void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aFreshPageIsServedToEveryoneWithinTheMaxAge() {
        assertThat(cache.enabled()).isTrue();
        assertThat(cache.get("/members")).as("nothing kept yet").isNull();
        cache.rendered("/members");

        keep("/members", "Directory");

        PublicPageCache.Page page = cache.get("/members");
        assertThat(page).isNotNull();
        assertThat(text(page)).isEqualTo("<html><body>Directory</body></html>");
        assertThat(page.contentType()).isEqualTo(TYPE);
        assertThat(page.contentLanguage()).isEqualTo("en");
        later(Duration.ofSeconds(9));
        assertThat(cache.get("/members")).as("9 s old: still fresh").isSameAs(page);
        assertThat(cache.get("/members")).as("and again").isSameAs(page);
        assertThat(cache.get("/works")).as("another address has its own page").isNull();
    }

    @Test
    void pastTheMaxAgeOneRequestRendersAgainWhileTheOthersGetTheOldPage() {
        keep("/members", "Old");
        later(Duration.ofSeconds(11));

        assertThat(cache.get("/members"))
                .as("the first to find it old renders it")
                .isNull();
        PublicPageCache.Page meanwhile = cache.get("/members");
        assertThat(meanwhile).as("another request meanwhile gets the old page").isNotNull();
        assertThat(text(meanwhile)).contains("Old");
        assertThat(cache.get("/members")).as("and a third too").isNotNull();

        keep("/members", "New");
        cache.rendered("/members");

        PublicPageCache.Page renewed = cache.get("/members");
        assertThat(renewed).isNotNull();
        assertThat(text(renewed)).contains("New");
        later(Duration.ofSeconds(9));
        assertThat(cache.get("/members"))
                .as("the renewed page is fresh for another max age")
                .isSameAs(renewed);
    }

    @Test
    void aRenderThatKeptNothingLetsTheNextRequestTry() {
        keep("/members", "Old");
        later(Duration.ofSeconds(11));
        assertThat(cache.get("/members")).isNull();
        cache.rendered("/members"); // not kept (a 500, say)

        assertThat(cache.get("/members"))
                .as("the next request renders it in turn")
                .isNull();
        assertThat(cache.get("/members"))
                .as("while others still get the old page")
                .isNotNull();
    }

    @Test
    void pastTwiceTheMaxAgeThePageIsGone() {
        keep("/members", "Old");
        later(Duration.ofSeconds(11));
        assertThat(cache.get("/members")).isNull(); // this one renews, and never finishes
        assertThat(cache.get("/members")).isNotNull();

        later(Duration.ofSeconds(10));

        assertThat(cache.get("/members"))
                .as("21 s old: nobody gets it any more")
                .isNull();
        assertThat(cache.get("/members"))
                .as("not even while someone renders it")
                .isNull();
    }

    @Test
    void clearDropsEveryPage() {
        keep("/members", "Directory");
        keep("/works", "Works");
        keep("/members/ada", "Ada");

        cache.clear();

        assertThat(cache.get("/members")).isNull();
        assertThat(cache.get("/works")).isNull();
        assertThat(cache.get("/members/ada")).isNull();
    }

    @Test
    void aPageWhoseRenderBeganBeforeAClearIsNotKept() {
        long renderedIn = cache.generation();
        cache.clear(); // a member's write lands while the page is being rendered

        cache.put("/members/ada", renderedIn, html("Ada, before the change"), TYPE, null);

        assertThat(cache.get("/members/ada"))
                .as("it may show what the write changed")
                .isNull();
        cache.rendered("/members/ada");

        cache.put("/members/ada", cache.generation(), html("Ada, after"), TYPE, null);
        assertThat(cache.get("/members/ada"))
                .as("a render begun after the clear is kept")
                .isNotNull();
    }

    @Test
    void aMaxAgeOfZeroKeepsNothing() {
        PublicPageCache off = new PublicPageCache(Duration.ZERO, nanos::get);
        assertThat(off.enabled()).isFalse();

        off.put("/members", off.generation(), html("Directory"), TYPE, null);

        assertThat(off.get("/members")).isNull();
        assertThat(off.get("/members")).isNull();
    }

    @Test
    void theGzippedFormDecompressesToThePage() throws IOException {
        String text = "Gaffer, Berlin — Ünïcödé ".repeat(200);
        keep("/members", text);

        PublicPageCache.Page page = cache.get("/members");

        assertThat(page.gzipped()).isNotEqualTo(page.body());
        assertThat(page.gzipped().length).as("compressed").isLessThan(page.body().length);
        assertThat(Gunzip.bytes(page.gzipped())).isEqualTo(html(text));
    }
}
