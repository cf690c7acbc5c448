package org.cinely.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The HTML of a template fragment that is a pure function of one value (a record) and the
 * language: a feed entry, a member card. Each is rendered once and then taken from here, so a
 * page of twenty entries and eight cards no longer evaluates their few hundred expressions on
 * every view (the render was about 60% of a signed-in home page's CPU on the warm app, issue 15).
 *
 * <p>Nothing is ever invalidated: the key is everything the fragment reads (the value, by
 * equality, which for records means every component, and the locale), so a changed name, title
 * or poster is a different key and renders afresh; what is no longer asked for ages out. A
 * fragment may therefore only read its one variable, messages and links, never the viewer, the
 * request, a CSRF token or the clock. Templates call it as {@code
 * th:with="html=${@renderedFragments.html('feed/entries', 'entry', 'e', e)}" th:utext="${html}"}
 * (th:utext alone may not reach a bean: Thymeleaf restricts what unescaped output may evaluate).
 */
@Component
public class RenderedFragments {

    private record Key(String template, String fragment, String variable, Object value, Locale locale) {}

    private final SpringTemplateEngine templates;
    private final ApplicationContext applicationContext;
    private final JakartaServletWebApplication application;
    private final Cache<Key, String> html;
    private final boolean enabled;

    RenderedFragments(
            SpringTemplateEngine templates,
            ServletContext servletContext,
            ApplicationContext applicationContext,
            @Value("${cinely.rendered-fragments.max-bytes:33554432}") long maxBytes) {
        this.templates = templates;
        this.applicationContext = applicationContext;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
        this.enabled = maxBytes > 0;
        this.html = Caffeine.newBuilder()
                .maximumWeight(Math.max(maxBytes, 0))
                // Characters of HTML (two bytes each at worst) and, generously, what the key's record
                // holds (a feed entry's people, work or job): about 6,000 fragments in 32 MB.
                .weigher((Key key, String value) -> 2 * value.length() + 2048)
                .build();
    }

    /**
     * The fragment {@code fragment} of {@code template}, rendered with {@code value} as the
     * variable {@code variable}, in the current request's language.
     */
    public String html(String template, String fragment, String variable, Object value) {
        Key key = new Key(template, fragment, variable, value, LocaleContextHolder.getLocale());
        if (!enabled) {
            return render(key);
        }
        String cached = html.getIfPresent(key);
        if (cached == null) {
            cached = render(key);
            html.put(key, cached);
        }
        return cached;
    }

    /** How many fragments are kept (for tests). */
    long size() {
        html.cleanUp();
        return html.estimatedSize();
    }

    private String render(Key key) {
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = current.getRequest();
        HttpServletResponse response = current.getResponse();
        // A web context, for links (@{...}) to get the application's path, and Spring's evaluation
        // context, for a kept fragment that itself inserts kept fragments (@renderedFragments).
        // Thymeleaf keeps top-level variables as request attributes, so whatever the page had under
        // those names is put back after.
        String evaluation = ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME;
        Object before = request.getAttribute(key.variable());
        Object pageEvaluation = request.getAttribute(evaluation);
        try {
            WebContext context = new WebContext(application.buildExchange(request, response), key.locale());
            context.setVariable(evaluation, new ThymeleafEvaluationContext(applicationContext, null));
            context.setVariable(key.variable(), key.value());
            return templates.process(key.template(), Set.of(key.fragment()), context);
        } finally {
            restore(request, key.variable(), before);
            restore(request, evaluation, pageEvaluation);
        }
    }

    private static void restore(HttpServletRequest request, String name, Object value) {
        if (value == null) {
            request.removeAttribute(name);
        } else {
            request.setAttribute(name, value);
        }
    }
}
