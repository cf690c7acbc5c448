package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A member who logs in while their account waits to be deleted sees one page: what happens and
 * the offer to cancel (or to log out). The mark lives in their session (set at log-in), so other
 * members' requests cost nothing.
 */
@Configuration
class DeletionPendingGuard implements WebMvcConfigurer, HandlerInterceptor {

    private static final String PENDING = DeletionPendingGuard.class.getName() + ".PENDING";

    static void markPending(HttpServletRequest request) {
        request.getSession().setAttribute(PENDING, Boolean.TRUE);
    }

    static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod)) {
            return true; // static files, error pages
        }
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(PENDING) == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(AccountDataController.DELETION_PATH) || path.equals("/logout") || path.equals("/error")) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + AccountDataController.DELETION_PATH);
        return false;
    }
}
