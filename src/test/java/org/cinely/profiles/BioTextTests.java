package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BioTextTests {

    @Test
    void linksBecomePiecesWithoutTheSentencesFullStop() {
        List<BioText.Piece> pieces = BioText.pieces("Reel: https://vimeo.com/1. More at http://me.example/a?b=c!");
        assertThat(pieces)
                .containsExactly(
                        new BioText.Piece("Reel: ", null),
                        new BioText.Piece("https://vimeo.com/1", "https://vimeo.com/1"),
                        new BioText.Piece(". More at ", null),
                        new BioText.Piece("http://me.example/a?b=c", "http://me.example/a?b=c"),
                        new BioText.Piece("!", null));
    }

    @Test
    void markupStaysTextAndOnlyHttpLinksAreMade() {
        List<BioText.Piece> pieces =
                BioText.pieces("<a href=\"javascript:alert(1)\">x</a> javascript:alert(2)\nline two");
        assertThat(pieces).allMatch(p -> p.href() == null);
        assertThat(pieces.get(0).text()).contains("<a href=").contains("\nline two");
    }

    @Test
    void aQuoteEndsALinkSoItCannotBreakOutOfTheAttribute() {
        List<BioText.Piece> pieces = BioText.pieces("https://x.example/\"onmouseover=alert(1)");
        assertThat(pieces.get(0).href()).isEqualTo("https://x.example/");
    }

    @Test
    void emptyBioHasNoPieces() {
        assertThat(BioText.pieces(null)).isEmpty();
        assertThat(BioText.pieces("")).isEmpty();
    }
}
