package org.cinely.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text with safe links: paragraphs split on blank lines, lines kept, and http(s) addresses
 * turned into links. Templates render every segment with th:text and th:href, so nothing the
 * poster typed is ever markup; only http and https are linked (never javascript: or data:).
 */
record RichText(List<Paragraph> paragraphs) {

    record Segment(String text, String href, boolean lineBreak) {

        public boolean link() {
            return href != null;
        }
    }

    record Paragraph(List<Segment> segments) {}

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

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
        Matcher matcher = URL.matcher(line);
        int at = 0;
        while (matcher.find()) {
            String url = matcher.group();
            String trailing = "";
            // Punctuation that ends a sentence is not part of the address.
            while (!url.isEmpty() && ".,;:!?)]}".indexOf(url.charAt(url.length() - 1)) >= 0) {
                trailing = url.charAt(url.length() - 1) + trailing;
                url = url.substring(0, url.length() - 1);
            }
            if (matcher.start() > at) {
                segments.add(new Segment(line.substring(at, matcher.start()), null, false));
            }
            segments.add(new Segment(url, url, false));
            if (!trailing.isEmpty()) {
                segments.add(new Segment(trailing, null, false));
            }
            at = matcher.end();
        }
        if (at < line.length()) {
            segments.add(new Segment(line.substring(at), null, false));
        }
    }
}
