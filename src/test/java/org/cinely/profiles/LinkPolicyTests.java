package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkPolicyTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox",
                "/relative/path",
                "//evil.example/x",
                "ftp://files.example.com",
                "https://user:pass@evil.example",
                "https://exa mple.com",
                "https://",
                "not a link"
            })
    void refusesAnythingButAbsoluteHttpLinks(String link) {
        assertThat(LinkPolicy.problem(link, LinkPolicy.Service.WEBSITE)).contains("profile.form.link.invalid");
        assertThat(org.cinely.platform.text.Links.safeHref(link)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.imdb.com/name/nm1/, IMDB, ",
        "https://m.imdb.com/name/nm1/, IMDB, ",
        "https://imdb.com.evil.example/, IMDB, profile.form.link.wrong-site",
        "https://evilimdb.com/, IMDB, profile.form.link.wrong-site",
        "https://vimeo.com/123, VIMEO, ",
        "https://youtu.be/abc, YOUTUBE, ",
        "https://www.youtube.com/@me, YOUTUBE, ",
        "https://www.instagram.com/me, INSTAGRAM, ",
        "https://vimeo.com/123, INSTAGRAM, profile.form.link.wrong-site",
        "http://my-site.example/reel, WEBSITE, "
    })
    void serviceLinksMustPointAtThatService(String link, LinkPolicy.Service service, String problem) {
        assertThat(LinkPolicy.problem(link, service).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankMeansNoLink(String link) {
        assertThat(LinkPolicy.problem(link, LinkPolicy.Service.WEBSITE)).isEmpty();
    }

    /** Issue 17: an address typed without its scheme is taken as https, and stored so. */
    @ParameterizedTest
    @CsvSource({
        "example.com/reel, https://example.com/reel",
        "  www.example.com  , https://www.example.com",
        "example.com:8080/reel, https://example.com:8080/reel",
        "imdb.com/name/nm1/, https://imdb.com/name/nm1/",
        "http://example.com, http://example.com",
        "HTTPS://Example.com/A, HTTPS://Example.com/A"
    })
    void addressesWithoutASchemeBecomeHttps(String typed, String stored) {
        assertThat(LinkPolicy.normalised(typed)).isEqualTo(stored);
        assertThat(LinkPolicy.problem(typed, LinkPolicy.Service.WEBSITE)).isEmpty();
    }

    /** Normalising never turns a hostile or odd scheme into a link: it keeps the scheme, and is refused. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                " JaVaScRiPt:alert(document.cookie)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox",
                "file:///etc/passwd",
                "mailto:me@example.com",
                "java\tscript:alert(1)",
                "javascript://example.com/%0aalert(1)",
                "localhost:8080"
            })
    void hostileSchemesStayRefusedAfterNormalising(String typed) {
        assertThat(org.cinely.platform.text.Links.safeHref(LinkPolicy.normalised(typed)))
                .isNull();
        assertThat(LinkPolicy.problem(typed, LinkPolicy.Service.WEBSITE)).contains("profile.form.link.invalid");
    }
}
