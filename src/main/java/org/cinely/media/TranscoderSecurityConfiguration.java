package org.cinely.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The remote transcoder is a machine, not a member: its two endpoints (notification webhook,
 * source download) get their own small filter chain, ahead of the site's, without log-in,
 * session or CSRF. They authenticate the caller themselves, by the secret or signature in the
 * URL, and answer 404 to anyone without it. The site's own chain stays as it is.
 */
@Configuration
class TranscoderSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain transcoderCallbacks(HttpSecurity http) throws Exception {
        http.securityMatcher("/media/transcoder/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
