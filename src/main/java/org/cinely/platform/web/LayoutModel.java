package org.cinely.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.cinely.platform.security.CurrentMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the shared layout needs on every page, whichever controller rendered it: added to each
 * view about to be rendered (not to redirects, images or JSON). An interceptor, not model
 * attribute methods on a controller advice: those are invoked by reflection, their arguments
 * resolved, on every request, and Spring MVC assembles the advice's handler methods for each one
 * (about 4% of a warm signed-in page's CPU, issue 15).
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        String path = request.getRequestURI();
        view.addObject("currentPath", path);
        view.addObject("navSection", navSection(path));
        view.addObject("unverifiedEmail", unverifiedEmail());
        view.addObject("loggedOut", loggedOut(request));
    }

    /**
     * Which main section the page at {@code path} is in ("/", "/members", "/jobs", "/works", or ""
     * for none), for the navigation to mark: the header's HTML is kept per section ({@link
     * RenderedFragments}), not per path, so every profile page shares one. ("currentPath", the
     * path itself, marks a tab within a section.)
     */
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
    static String unverifiedEmail() {
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
    static boolean loggedOut(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && java.util.Arrays.asList(query.split("&")).contains("loggedOut");
    }
}
