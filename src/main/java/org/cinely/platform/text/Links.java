package org.cinely.platform.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the web addresses in text a member typed (a bio, a job description, a cover note) and
 * splits it into plain and link pieces. Templates print each piece with th:text and th:href, so
 * nothing typed is ever markup, and only absolute http(s) addresses become links (never
 * javascript:, data: or relative ones, never with user:password@).
 */
public final class Links {

    /** A run of text; a link when {@code href} is set. */
    public record Piece(String text, String href) {

        public boolean link() {
            return href != null;
        }
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

    private Links() {}

    /** The text in pieces, every address that is safe to link made a link. */
    public static List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        Matcher matcher = URL.matcher(text);
        int at = 0;
        while (matcher.find()) {
            String url = withoutTrailingPunctuation(matcher.group());
            String href = safeHref(url);
            if (href == null) {
                continue;
            }
            if (matcher.start() > at) {
                pieces.add(new Piece(text.substring(at, matcher.start()), null));
            }
            pieces.add(new Piece(url, href));
            at = matcher.start() + url.length();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), null));
        }
        return pieces;
    }

    /**
     * A sentence's closing punctuation is not part of the address ("see https://a.example/x."),
     * and neither is a bracket that closes around it ("(https://a.example/x)"); a bracket the
     * address opened itself stays (https://en.wikipedia.org/wiki/Heat_(1995_film)).
     */
    static String withoutTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0) {
            char last = url.charAt(end - 1);
            if (".,;:!?".indexOf(last) >= 0) {
                end--;
            } else if (last == ')' || last == ']' || last == '}') {
                char open = last == ')' ? '(' : last == ']' ? '[' : '{';
                String head = url.substring(0, end);
                if (count(head, last) > count(head, open)) {
                    end--;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    /**
     * A web address as members type it, made absolute: "example.com/reel" becomes
     * "https://example.com/reel"; an address with a scheme is left as typed (so
     * "javascript:..." or "data:..." stays what it is and {@link #safeUri} refuses it). A host
     * with a port ("example.com:8080/x") is not a scheme: a scheme has no dot. Blank stays blank
     * (null); surrounding spaces are dropped.
     */
    public static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        Matcher scheme = SCHEME.matcher(value);
        if (scheme.find() && !scheme.group(1).contains(".")) {
            return value;
        }
        return "https://" + value;
    }

    /** The address if it is a safe absolute http(s) URL, else empty. */
    public static Optional<URI> safeUri(String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getHost().isBlank()
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@link #safeUri} as the string to put in an href, or null. */
    public static String safeHref(String value) {
        return safeUri(value).map(URI::toString).orElse(null);
    }
}
