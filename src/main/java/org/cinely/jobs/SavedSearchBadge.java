package org.cinely.jobs;

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
 * Tells the member in the header, on every page, how many new listings matched their saved
 * searches (the in-app half of saved-search alerts; the mail is the other). One indexed count, only
 * for pages that render a view. The matches count as seen once the member marks them so on the
 * saved-searches page.
 */
@Configuration
class SavedSearchBadge implements WebMvcConfigurer, HandlerInterceptor {

    static final String ATTRIBUTE = "savedSearchMatchCount";

    private final SavedSearchService savedSearches;

    SavedSearchBadge(SavedSearchService savedSearches) {
        this.savedSearches = savedSearches;
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
            view.addObject(ATTRIBUTE, savedSearches.unseenCount(member.id()));
        }
    }
}
