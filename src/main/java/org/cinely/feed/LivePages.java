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
 * Gives every page rendered for a signed-in member the newest live-event id at render time
 * ({@code liveSince}): the page's stream starts there, so nothing that happens between the
 * render and the stream opening is missed.
 */
@Configuration
class LivePages implements WebMvcConfigurer, HandlerInterceptor {

    private final LiveEvents events;

    LivePages(LiveEvents events) {
        this.events = events;
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
            view.addObject("liveSince", events.maxId());
        }
    }
}
