package org.cinely.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cinely.platform.text.Links.Piece;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTests {

    @Test
    void linksBecomePiecesWithoutTheSentencesFullStop() {
        List<Piece> pieces = Links.split("Reel: https://vimeo.com/1. More at http://me.example/a?b=c!");
        assertThat(pieces)
                .containsExactly(
                        new Piece("Reel: ", null),
                        new Piece("https://vimeo.com/1", "https://vimeo.com/1"),
                        new Piece(". More at ", null),
                        new Piece("http://me.example/a?b=c", "http://me.example/a?b=c"),
                        new Piece("!", null));
    }

    /** An address ending in ")" was cut before it (a broken link to every Wikipedia film page). */
    @Test
    void aBracketTheAddressOpenedStaysInTheLink() {
        String film = "https://en.wikipedia.org/wiki/Heat_(1995_film)";
        assertThat(Links.split("Inspired by " + film + "."))
                .containsExactly(new Piece("Inspired by ", null), new Piece(film, film), new Piece(".", null));
        assertThat(Links.split("(see " + film + ")"))
                .containsExactly(new Piece("(see ", null), new Piece(film, film), new Piece(")", null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(https://a.example/x)|https://a.example/x",
                "[https://a.example/x]|https://a.example/x",
                "https://a.example/x_(y)|https://a.example/x_(y)",
                "https://a.example/x_(y)),|https://a.example/x_(y)",
                "https://a.example/?q=[1]|https://a.example/?q=[1]",
                "https://a.example/x?!.|https://a.example/x"
            })
    void closingPunctuationIsLeftOutUnlessTheAddressOpenedIt(String text, String link) {
        assertThat(Links.split(text))
                .filteredOn(Piece::link)
                .extracting(Piece::href)
                .containsExactly(link);
    }

    @Test
    void markupStaysTextAndOnlyHttpLinksAreMade() {
        List<Piece> pieces = Links.split("<a href=\"javascript:alert(1)\">x</a> javascript:alert(2)\nline two");
        assertThat(pieces).noneMatch(Piece::link);
        assertThat(pieces.get(0).text()).contains("<a href=").contains("\nline two");
    }

    @Test
    void aQuoteEndsALinkSoItCannotBreakOutOfTheAttribute() {
        List<Piece> pieces = Links.split("https://x.example/\"onmouseover=alert(1)");
        assertThat(pieces.get(0).href()).isEqualTo("https://x.example/");
    }

    @Test
    void anAddressWithCredentialsIsNotLinked() {
        assertThat(Links.split("https://user:pass@x.example/")).noneMatch(Piece::link);
    }

    @Test
    void emptyTextHasNoPieces() {
        assertThat(Links.split(null)).isEmpty();
        assertThat(Links.split("")).isEmpty();
    }
}
