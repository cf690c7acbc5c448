package org.cinely.profiles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cinely.platform.security.CurrentMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes when a signed-in member was last active, for the directory's "recently active" order:
 * at most one small update per member every {@link #EVERY}, not one per request.
 */
@Configuration
class ActivityTracker implements WebMvcConfigurer, HandlerInterceptor {

    static final Duration EVERY = Duration.ofMinutes(10);

    private final OwnProfile profiles;
    private final Clock clock;
    private final Map<Long, Long> lastTouched = new ConcurrentHashMap<>();

    ActivityTracker(OwnProfile profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns("/css/**", "/js/**", "/img/**", "/vendor/**", "/members/*/avatar");
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentMember member)) {
            return;
        }
        long now = clock.millis();
        Long before = lastTouched.get(member.id().value());
        if (before != null && now - before < EVERY.toMillis()) {
            return;
        }
        lastTouched.put(member.id().value(), now);
        if (lastTouched.size() > 100_000) {
            lastTouched.clear();
        }
        try {
            profiles.touch(member.id());
        } catch (RuntimeException e) {
            // Never fail a page over a "last active" time.
        }
    }
}
