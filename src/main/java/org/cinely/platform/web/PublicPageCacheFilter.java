package org.cinely.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.cinely.platform.security.CurrentMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves and keeps {@link PublicPageCache}'s pages. Runs after the security filter chain, so a
 * page is only ever served from the cache to a request the chain let through as a visitor.
 *
 * <p>A GET is served from, and may fill, the cache only when all of these hold:
 *
 * <ul>
 *   <li>the address is a public page ({@link #PUBLIC_PAGES}: home, directory, profiles, works, the
 *       board and its listings; never media, avatars, JSON or anything signed-in only);
 *   <li>the request carries no session or remember-me cookie and nobody is signed in (a visitor
 *       with a session may have a message waiting, a member sees their own header);
 * </ul>
 *
 * and the page is kept only when the answer is a 200 HTML page that made no session, set no
 * cookie and holds no CSRF token (a form's token belongs to one visitor's cookie).
 *
 * <p>A write by a signed-in member on this node (any POST, PUT, PATCH or DELETE) empties the
 * cache when it is done. Visitors' own posts (a failed log-in, a sign-up form with errors) change
 * nothing public and do not, so a stream of them cannot keep the cache empty; a completed sign-up
 * or log-in is a member's write by the time it finishes.
 */
public class PublicPageCacheFilter extends OncePerRequestFilter {

    /** Public pages that render the same HTML for every visitor. */
    static final Pattern PUBLIC_PAGES = Pattern.compile(
            "/|/members|/members/[A-Za-z0-9._-]+(/(works|credited))?|/works|/works/\\d+|/jobs|/jobs/\\d+");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> MEMBER_COOKIES = Set.of("SESSION", "remember-me");
    private static final byte[] CSRF_FIELD = "name=\"_csrf\"".getBytes(StandardCharsets.US_ASCII);
    /** Longer addresses are served but not kept (no filling the cache with junk queries). */
    private static final int MAX_KEY_LENGTH = 400;

    static final String HEADER = "X-Page-Cache";

    /** Request attribute: a handler that sets it (any value) has its page never kept. */
    private static final String NOT_KEPT = PublicPageCacheFilter.class.getName() + ".NOT_KEPT";

    /**
     * For a page under a public address that must be rendered for each request all the same (the
     * page speed benchmark's yardsticks, which measure the render).
     */
    public static void neverKeep(HttpServletRequest request) {
        request.setAttribute(NOT_KEPT, Boolean.TRUE);
    }

    private final PublicPageCache cache;
    private final ApplicationEventPublisher events;

    public PublicPageCacheFilter(PublicPageCache cache, ApplicationEventPublisher events) {
        this.cache = cache;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            boolean member = signedIn();
            try {
                chain.doFilter(request, response);
            } finally {
                // Read before the chain: deleting an account or logging out ends with nobody signed in.
                if (member) {
                    cache.clear();
                    events.publishEvent(new MemberWroteOnThisNode());
                }
            }
            return;
        }
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        PublicPageCache.Page page = cache.get(key);
        if (page != null) {
            write(page, request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
            if (keepable(request, response, captured)) {
                cache.put(
                        key,
                        generation,
                        captured.getContentAsByteArray(),
                        captured.getContentType(),
                        response.getHeader(HttpHeaders.CONTENT_LANGUAGE));
            }
            response.setHeader(HEADER, "miss");
        } finally {
            cache.rendered(key);
            captured.copyBodyToResponse();
        }
    }

    /** The cache key of a request that may be served from the cache, or null. */
    private String key(HttpServletRequest request) {
        if (!cache.enabled()
                || !"GET".equals(request.getMethod())
                || request.getHeader(HttpHeaders.RANGE) != null
                || hasMemberCookie(request)
                || signedIn()) {
            return null;
        }
        String path = request.getRequestURI();
        if (!PUBLIC_PAGES.matcher(path).matches()) {
            return null;
        }
        String query = request.getQueryString();
        // The page is rendered in the visitor's language (Accept-Language: dates such as "4 Dec
        // 2026" and the Content-Language header follow it), so each language has its own page.
        // A space never occurs in a request's address.
        String key = request.getLocale().toLanguageTag() + ' ' + (query == null ? path : path + '?' + query);
        return key.length() > MAX_KEY_LENGTH ? null : key;
    }

    private boolean keepable(
            HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper captured) {
        String type = captured.getContentType();
        return captured.getStatus() == HttpServletResponse.SC_OK
                && request.getAttribute(NOT_KEPT) == null
                && type != null
                && type.startsWith("text/html")
                && request.getSession(false) == null
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && !contains(captured.getContentAsByteArray(), CSRF_FIELD);
    }

    private static void write(PublicPageCache.Page page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (page.contentLanguage() != null) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
        }
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(HEADER, "hit");
        byte[] body = page.body();
        String accepts = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(accepts)) {
            // Compressed once when kept; the server's own compression leaves an encoded body alone.
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = page.gzipped();
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Whether Accept-Encoding names gzip, and not with q=0 ("gzip;q=0" refuses it). */
    static boolean acceptsGzip(String accepts) {
        if (accepts == null) {
            return false;
        }
        for (String coding : accepts.split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].replace(" ", "");
                    if (parameter.matches("[qQ]=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentMember;
    }

    private static boolean hasMemberCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (MEMBER_COOKIES.contains(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
