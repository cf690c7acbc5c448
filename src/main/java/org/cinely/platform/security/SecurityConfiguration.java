package org.cinely.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One filter chain for the whole site. Pages anyone may read are listed here; everything else
 * needs a signed-in member, and every state change needs a CSRF token.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** The feed's signed one-click unsubscribe links. */
    static final String UNSUBSCRIBE = "/notifications/unsubscribe/**";

    /** A moderation decision's statement, by its signed link: a suspended member must read it and may appeal. */
    static final String STATEMENTS = "/moderation/statement/**";

    /** No inline script or style anywhere: the browser runs only our own files. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The site's own static files: no session, remember-me or CSRF, so they need no database. */
    static final String[] STATIC_FILES = {"/css/**", "/js/**", "/img/**", "/vendor/**", "/favicon.ico", "/robots.txt"};

    /**
     * Static files have a chain of their own that never reads the session (kept in the database):
     * they are served while the database is away (the 503 page is styled) and cost no query.
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    SecurityFilterChain staticFilesChain(HttpSecurity http) throws Exception {
        http.securityMatcher(STATIC_FILES)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            @Value("${cinely.member-session-timeout:30d}") Duration memberSessionLifetime,
            HttpSecurity http,
            List<HttpSecurityContributor> contributors,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers)
            throws Exception {
        http.authorizeHttpRequests(
                requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(STATIC_FILES)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**", "/admin/outbox", "/admin/outbox/**")
                        .hasRole("ADMIN")
                        // Moderators work the queue; what only admins may do there is checked per action.
                        .requestMatchers("/admin", "/admin/**")
                        .hasAnyRole("MODERATOR", "ADMIN")
                        .requestMatchers("/signup", "/login", "/password-reset", "/password-reset/**", "/verify-email")
                        .permitAll()
                        // One-click unsubscribe from a mail: the signed link is the credential.
                        .requestMatchers(UNSUBSCRIBE, STATEMENTS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/members", "/members/**", "/works", "/works/**", "/jobs")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/jobs/**", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(
                        permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        http.exceptionHandling(
                exceptions -> exceptions.authenticationEntryPoint(new NotFoundOrLoginEntryPoint(handlers)));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // No session for visitors who have not logged in: the CSRF token and the page to return
        // to after log-in travel in cookies, so reading the site, a log-in form or a failed try
        // stores nothing on the server (sessions are rows in the database).
        // A mail client's one-click unsubscribe (RFC 8058) posts without a token; its signed link
        // changes one mail setting and nothing else.
        http.csrf(csrf ->
                csrf.csrfTokenRepository(new CookieCsrfTokenRepository()).ignoringRequestMatchers(UNSUBSCRIBE));
        http.requestCache(cache -> cache.requestCache(SavedRequests.CACHE));
        http.addFilterAfter(new SignedInSessionLifetime(memberSessionLifetime), AuthorizationFilter.class);
        http.logout(logout ->
                logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").deleteCookies("SESSION", "remember-me"));
        for (HttpSecurityContributor contributor : contributors) {
            contributor.contribute(http);
        }
        return http.build();
    }

    /** bcrypt today, with the algorithm id stored beside each hash so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * SameSite=Lax on every cookie that does not choose its own (remember-me, device and CSRF
     * cookies are written by Spring Security through the servlet API, which has no such flag).
     */
    @Bean
    CookieSameSiteSupplier laxCookiesByDefault() {
        return CookieSameSiteSupplier.ofLax();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_MODERATOR\nROLE_MODERATOR > ROLE_MEMBER");
    }

    /** Last access times of stored sessions written at most once a minute (see the class). */
    @Bean
    static SessionTouchThrottle sessionTouchThrottle() {
        return new SessionTouchThrottle();
    }

    /** Just outside Spring Session's filter: its second read of a session it saved costs no query. */
    @Bean
    FilterRegistrationBean<SessionReadOnce> sessionReadOnce() {
        FilterRegistrationBean<SessionReadOnce> registration = new FilterRegistrationBean<>(new SessionReadOnce());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
