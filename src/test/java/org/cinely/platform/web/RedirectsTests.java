package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example",
                "https://evil.example/",
                "/\\evil.example",
                "javascript:alert(1)",
                "/members\r\nSet-Cookie: x=1",
                ""
            })
    void redirectsOnlyToPathsOnThisSite(String returnTo) {
        assertThat(Redirects.localPath(returnTo, "/fallback")).isEqualTo("/fallback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/members/maya-okafor", "/members/suggestions"})
    void keepsPathsOnThisSite(String returnTo) {
        assertThat(Redirects.localPath(returnTo, "/fallback")).isEqualTo(returnTo);
    }
}
