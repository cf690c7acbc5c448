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
}
