package org.cinely.jobs;

import java.util.ArrayList;
import java.util.List;
import org.cinely.platform.text.Links;

/**
 * Plain text with safe links: paragraphs split on blank lines, lines kept, and http(s) addresses
 * turned into links by {@link Links} (the same rule as a profile's bio). Templates render every
 * segment with th:text and th:href, so nothing the poster typed is ever markup.
 */
record RichText(List<Paragraph> paragraphs) {

    record Segment(String text, String href, boolean lineBreak) {

        public boolean link() {
            return href != null;
        }
    }

    record Paragraph(List<Segment> segments) {}

    static RichText of(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        if (text == null) {
            return new RichText(paragraphs);
        }
        for (String block : text.replace("\r\n", "\n").split("\\n\\s*\\n")) {
            if (block.isBlank()) {
                continue;
            }
            List<Segment> segments = new ArrayList<>();
            String[] lines = block.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    segments.add(new Segment("", null, true));
                }
                linkify(lines[i], segments);
            }
            paragraphs.add(new Paragraph(segments));
        }
        return new RichText(paragraphs);
    }

    private static void linkify(String line, List<Segment> segments) {
        for (Links.Piece piece : Links.split(line)) {
            segments.add(new Segment(piece.text(), piece.href(), false));
        }
    }
}
