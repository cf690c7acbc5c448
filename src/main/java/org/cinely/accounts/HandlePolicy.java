package org.cinely.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A handle is a member's URL name (/members/{handle}): 3 to 30 of a-z, 0-9 and '-', not starting
 * or ending with '-', and not a word the site uses for its own pages.
 */
final class HandlePolicy {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]");

    static final Set<String> RESERVED = Set.of(
            "admin",
            "administrator",
            "api",
            "about",
            "account",
            "accounts",
            "actuator",
            "app",
            "assets",
            "blog",
            "cinely",
            "connections",
            "contact",
            "css",
            "dashboard",
            "directory",
            "edit",
            "error",
            "explore",
            "feed",
            "help",
            "home",
            "img",
            "jobs",
            "login",
            "logout",
            "media",
            "members",
            "messages",
            "moderation",
            "moderator",
            "new",
            "notifications",
            "password-reset",
            "privacy",
            "profile",
            "profiles",
            "root",
            "search",
            "security",
            "settings",
            "signup",
            "static",
            "suggestions",
            "support",
            "system",
            "terms",
            "vendor",
            "verify-email",
            "webmaster",
            "works",
            "www");

    private HandlePolicy() {}

    /** A message key for what is wrong with the handle, or empty when it is fine. */
    static Optional<String> problemWith(String handle) {
        if (handle == null || handle.length() < 3) {
            return Optional.of("handle.too-short");
        }
        if (handle.length() > 30) {
            return Optional.of("handle.too-long");
        }
        if (!SHAPE.matcher(handle).matches()) {
            return Optional.of("handle.bad-characters");
        }
        if (RESERVED.contains(handle)) {
            return Optional.of("handle.reserved");
        }
        return Optional.empty();
    }
}
