package org.cinely.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinely.platform.security.CurrentMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts every module's {@link HeaderCount} into the model of each page rendered for a signed-in
 * member: only for pages that render a view, not for redirects, images or JSON. Counts come
 * through {@link HeaderCountCache}. With them, the whole signed-in header as one value ({@link
 * AccountHeader}), whose HTML the layout keeps.
 */
@Configuration
class HeaderCounts implements WebMvcConfigurer, HandlerInterceptor {

    private final List<HeaderCount> counts;
    private final HeaderCountCache cache;

    HeaderCounts(List<HeaderCount> counts, ObjectProvider<HeaderCountCache> cache) {
        this.counts = counts;
        // A web test slice has no components (so no cache, and no counts either): read each count.
        this.cache = cache.getIfAvailable(() -> new HeaderCountCache(Duration.ZERO));
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
            Map<String, Integer> values = new HashMap<>();
            for (HeaderCount count : counts) {
                int value = cache.get(count.attribute(), member.id(), () -> count.count(member.id()));
                values.put(count.attribute(), value);
                view.addObject(count.attribute(), value);
            }
            view.addObject("accountHeader", AccountHeader.of(member, values));
        }
    }
}
