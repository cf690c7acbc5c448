package org.cinely.platform.web;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Static assets from frontend/ are fingerprint-free, so they are cached briefly and revalidated. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    /**
     * The site's error pages by status (templates/error/404.html, 4xx.html, 5xx.html). Boot makes
     * this resolver only while no other ErrorViewResolver exists, so a module's own (the avatar
     * form's friendly "too large") would silently switch every error page to the generic one.
     */
    @Bean
    DefaultErrorViewResolver conventionErrorViewResolver(ApplicationContext context, WebProperties web) {
        return new DefaultErrorViewResolver(context, web.getResources());
    }

    /**
     * Public pages for visitors ({@link PublicPageCache}), after the security filter chain (order
     * -100): only a request the chain let through as a visitor is answered from the cache.
     */
    @Bean
    FilterRegistrationBean<PublicPageCacheFilter> publicPageCacheFilter(
            ObjectProvider<PublicPageCache> cache, ApplicationEventPublisher events) {
        // A web test slice has no components: no cache there.
        FilterRegistrationBean<PublicPageCacheFilter> registration = new FilterRegistrationBean<>(
                new PublicPageCacheFilter(cache.getIfAvailable(() -> new PublicPageCache(Duration.ZERO)), events));
        registration.setOrder(0);
        return registration;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "img", "vendor"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
        }
    }
}
