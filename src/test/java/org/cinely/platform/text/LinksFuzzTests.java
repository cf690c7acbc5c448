package org.cinely.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Locale;

/**
 * Whatever a member writes in a bio or a job's text: the pieces put back together are the text
 * exactly (nothing lost, nothing added), and every link goes to an absolute http(s) address with
 * a host, no user info, and nothing in its text that could leave an attribute.
 */
class LinksFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void anyTextSplitsIntoItselfWithOnlySafeLinks(FuzzedDataProvider input) {
        String text = new String(input.consumeRemainingAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
        List<Links.Piece> pieces = Links.split(text);
        StringBuilder joined = new StringBuilder();
        for (Links.Piece piece : pieces) {
            joined.append(piece.text());
            if (piece.link()) {
                String href = piece.href().toLowerCase(Locale.ROOT);
                assertThat(href).matches("https?://.+");
                assertThat(piece.href()).doesNotContain("<", ">", "\"", "'", "`", " ");
                assertThat(Links.safeUri(piece.href())).isPresent();
                assertThat(piece.text()).doesNotContainAnyWhitespaces();
            }
        }
        assertThat(joined.toString()).isEqualTo(text == null ? "" : text);
    }
}
