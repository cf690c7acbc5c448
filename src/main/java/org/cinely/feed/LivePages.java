package org.cinely.feed;

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
 * Gives every page rendered for a signed-in member the live-event id its stream starts from
 * ({@code liveSince}), so nothing that happens between the render and the stream opening is
 * missed. It comes from this node's {@link LiveHub}, which knows it without a query: asking the
 * database for the newest id was a tenth of a signed-in home page's CPU (issue 15).
 */
@Configuration
class LivePages implements WebMvcConfigurer, HandlerInterceptor {

    private final LiveHub hub;

    LivePages(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/live", "/feed/newer");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentMember) {
            view.addObject("liveSince", hub.pageStart());
        }
    }
}
