package org.cinely.connections;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cinely.platform.security.CurrentMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the number of incoming connection requests into every rendered page for the header badge
 * (one indexed count, only for pages that render a view, not for redirects or images).
 */
@Configuration
class RequestBadge implements WebMvcConfigurer, HandlerInterceptor {

    static final String ATTRIBUTE = "connectionRequestCount";

    private final ConnectionQueries queries;

    RequestBadge(ConnectionQueries queries) {
        this.queries = queries;
    }

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
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentMember member) {
            view.addObject(ATTRIBUTE, queries.incomingCount(member.id().value()));
        }
    }
}
