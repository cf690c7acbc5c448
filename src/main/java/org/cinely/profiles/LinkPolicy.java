package org.cinely.profiles;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.text.Links;

/**
 * Which links a profile may carry: absolute http(s) URLs only (never javascript:, data: or
 * relative ones), and for the named services a host of that service. An address typed without
 * its scheme ("example.com/reel") is taken as https and stored so.
 */
final class LinkPolicy {

    enum Service {
        WEBSITE(Set.of()),
        IMDB(Set.of("imdb.com")),
        VIMEO(Set.of("vimeo.com")),
        YOUTUBE(Set.of("youtube.com", "youtu.be")),
        INSTAGRAM(Set.of("instagram.com"));

        private final Set<String> hosts;

        Service(Set<String> hosts) {
            this.hosts = hosts;
        }
    }

    private LinkPolicy() {}

    /** The message key of what is wrong with a link, if anything. Blank is fine (no link). */
    static Optional<String> problem(String value, Service service) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<URI> uri = parse(normalised(value));
        if (uri.isEmpty()) {
            return Optional.of("profile.form.link.invalid");
        }
        String host = uri.get().getHost().toLowerCase(Locale.ROOT);
        if (!service.hosts.isEmpty()
                && service.hosts.stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h))) {
            return Optional.of("profile.form.link.wrong-site");
        }
        return Optional.empty();
    }

    /** As stored: "example.com/reel" becomes "https://example.com/reel" (see {@link Links#normalise}). */
    static String normalised(String value) {
        return Links.normalise(value);
    }

    /** The link if it is a safe absolute http(s) URL, else empty. Used again when rendering. */
    static Optional<URI> parse(String value) {
        return Links.safeUri(value);
    }
}
