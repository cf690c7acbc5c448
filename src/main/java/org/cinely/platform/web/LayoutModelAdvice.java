package org.cinely.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.cinely.platform.security.CurrentMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page, whichever controller rendered it. */
@ControllerAdvice
class LayoutModelAdvice {

    /** The path of the page, so the navigation can mark where the reader is. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * Which main section the page is in ("/", "/members", "/jobs", "/works", or "" for none), for
     * the navigation to mark: the navigation's HTML is kept per section ({@link
     * RenderedFragments}), not per path, so every profile page shares one.
     */
    @ModelAttribute("navSection")
    String navSection(HttpServletRequest request) {
        return navSection(request.getRequestURI());
    }

    static String navSection(String path) {
        if (path == null) {
            return "";
        }
        if (path.equals("/")) {
            return "/";
        }
        for (String section : List.of("/members", "/jobs", "/works")) {
            if (path.startsWith(section)) {
                return section;
            }
        }
        return "";
    }

    /**
     * The signed-in member's address while it is not verified (the layout's banner asks them to
     * verify it), otherwise null. Worked out here, once: in the template it was an interpreted
     * expression on {@code #authentication} on every page.
     */
    @ModelAttribute("unverifiedEmail")
    String unverifiedEmail() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentMember member && !member.verified()
                ? member.email()
                : null;
    }

    /**
     * Whether the page follows a log-out ("/?loggedOut"). Read from the query string alone: the
     * layout also renders error pages, and asking for a parameter would parse a form body that
     * may be the very reason for the error (too large).
     */
    @ModelAttribute("loggedOut")
    boolean loggedOut(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && java.util.Arrays.asList(query.split("&")).contains("loggedOut");
    }
}
