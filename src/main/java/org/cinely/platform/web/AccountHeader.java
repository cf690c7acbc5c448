package org.cinely.platform.web;

import java.util.Map;
import org.cinely.platform.security.CurrentMember;

/**
 * Everything the signed-in part of the header shows (the bell, the account menu and its badges),
 * as one value: its HTML is rendered once per value and language and then kept ({@link
 * RenderedFragments}), instead of evaluating its thirty-odd expressions on every page. Only the
 * log-out form, which carries the request's CSRF token, is rendered with each page.
 */
public record AccountHeader(
        String displayName, String initial, String handle, boolean moderator, Map<String, Integer> counts) {

    public AccountHeader {
        counts = Map.copyOf(counts);
    }

    static AccountHeader of(CurrentMember member, Map<String, Integer> counts) {
        return new AccountHeader(member.displayName(), member.initial(), member.handle(), member.isModerator(), counts);
    }

    /** The header count under {@code attribute} ({@link HeaderCount}), 0 if none. */
    public int count(String attribute) {
        return counts.getOrDefault(attribute, 0);
    }
}
