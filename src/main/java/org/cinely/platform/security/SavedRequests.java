package org.cinely.platform.security;

import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where a visitor who was sent to log in returns to afterwards: kept in a cookie, not in a
 * session, so a visitor leaves no session row behind. The filter chain saves it and the log-in
 * success handler reads it, so both use this one cache.
 */
public final class SavedRequests {

    public static final RequestCache CACHE = new CookieRequestCache();

    private SavedRequests() {}
}
