package org.cinely.platform.web;

import org.springframework.web.servlet.view.RedirectView;

/**
 * Redirects to a path a request named ("returnTo"): only a path on this site, and sent as it is.
 * A {@code "redirect:" + path} view name would expand {@code {braces}} in the path as URI
 * template variables and fail after the action already ran, so these redirects skip expansion.
 */
public final class Redirects {

    static final int MAX_LENGTH = 500;

    private Redirects() {}

    /** {@code returnTo} when it is a path on this site ("/..." but not "//host"), else the fallback. */
    public static String localPath(String returnTo, String fallback) {
        if (returnTo != null
                && returnTo.startsWith("/")
                && !returnTo.startsWith("//")
                && !returnTo.contains("\\")
                && returnTo.chars().noneMatch(c -> c < 0x21 || c == 0x7f)
                && returnTo.length() <= MAX_LENGTH) {
            return returnTo;
        }
        return fallback;
    }

    /** A redirect to {@link #localPath}, with flash attributes kept and nothing expanded. */
    public static RedirectView back(String returnTo, String fallback) {
        return to(localPath(returnTo, fallback));
    }

    /** A redirect to a path on this site, sent exactly as given (no URI template expansion). */
    public static RedirectView to(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return view;
    }
}
