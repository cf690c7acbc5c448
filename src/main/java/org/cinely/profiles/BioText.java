package org.cinely.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bio as plain text with its links made clickable: split into text and link pieces that the
 * template prints with th:text (escaped) and th:href (only http/https, checked again by
 * {@link LinkPolicy}). Line breaks are kept in the text and shown by CSS (white-space: pre-line).
 */
final class BioText {

    record Piece(String text, String href) {}

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);

    private BioText() {}

    static List<Piece> pieces(String bio) {
        List<Piece> pieces = new ArrayList<>();
        if (bio == null || bio.isEmpty()) {
            return pieces;
        }
        Matcher matcher = URL.matcher(bio);
        int at = 0;
        while (matcher.find()) {
            String url = matcher.group();
            // A sentence's closing punctuation is not part of the link.
            int end = url.length();
            while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            url = url.substring(0, end);
            String href = LinkPolicy.safeHref(url);
            if (href == null) {
                continue;
            }
            if (matcher.start() > at) {
                pieces.add(new Piece(bio.substring(at, matcher.start()), null));
            }
            pieces.add(new Piece(url, href));
            at = matcher.start() + url.length();
        }
        if (at < bio.length()) {
            pieces.add(new Piece(bio.substring(at), null));
        }
        return pieces;
    }
}
