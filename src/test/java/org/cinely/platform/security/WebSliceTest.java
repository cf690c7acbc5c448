package org.cinely.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cinely.platform.web.KeptHtmlDialect;
import org.cinely.platform.web.RenderedFragments;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A web slice: the given controllers with the site's real security rules (filter chain, CSRF,
 * roles, the log-in entry point) and error handling, and no database. For the access rules of
 * one controller, fast; the services behind it are stand-ins the test declares. Journeys keep
 * running full-stack ({@code @CinelyIntegrationTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Noting when a member was last active, and the live-event id pages start from, are no access
// rules and need the database.
// The layout inserts kept HTML (the header, the navigation) through RenderedFragments, which
// templates reach as #kept (KeptHtmlDialect).
@WebMvcTest(
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        classes = {RenderedFragments.class, KeptHtmlDialect.class}),
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.cinely\\.profiles\\.ActivityTracker|org\\.cinely\\.feed\\.LivePages"))
@Import(SecurityConfiguration.class)
@ActiveProfiles("test")
public @interface WebSliceTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
