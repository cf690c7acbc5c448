package org.cinely.profiles;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.cinely.platform.web.Flash;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A photo over the server's multipart limit (spring.servlet.multipart.max-file-size) brings the
 * member back to their settings with the friendly "over 5 MB" message, not an error page.
 *
 * <p>That limit is enforced by Tomcat while it reads the request, and the first to read it is the
 * CSRF filter (the token is a form field): since Tomcat 11, reading a parameter then fails with
 * 413, before Spring MVC picks a controller, so no {@code @ExceptionHandler} can see it (and a
 * token in the URL would not help). What remains is the error page Tomcat dispatches to; this
 * resolver answers it for the avatar form with a redirect. Nothing is changed but the flash
 * message, so the missing CSRF check does not matter.
 */
@Component
class AvatarTooLarge implements ErrorViewResolver, Ordered {

    static final String AVATAR_PATH = "/settings/profile/avatar";

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // The photo's own form, and the profile form that carries it (over 10 MB its details
        // cannot be read either: profile.js refuses such a file before it is sent).
        if (status.value() != 413
                || !((request.getContextPath() + AVATAR_PATH).equals(uri)
                        || (request.getContextPath() + "/settings/profile").equals(uri))) {
            return null;
        }
        RequestContextUtils.getOutputFlashMap(request)
                .put("flash", new Flash(Flash.Kind.ERROR, "avatar.too-large", new Object[0]));
        return new ModelAndView("redirect:/settings/profile#avatar");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
