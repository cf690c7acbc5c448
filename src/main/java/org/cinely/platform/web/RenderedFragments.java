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
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;
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
 * fragment may therefore only read its variables, messages and links, never the viewer, the
 * request, a CSRF token or the clock. Forms are kept too ({@link #htmlWithCsrf}): their CSRF
 * field is left empty in the kept HTML and filled with the request's token on the way out. Templates call it as {@code #kept} ({@link KeptHtmlDialect}): {@code
 * th:with="html=${#kept.html('feed/entries', 'entry', 'e', e)}" th:utext="${html}"}.
 */
@Component
public class RenderedFragments {

    private record Key(
            String template,
            String fragment,
            String variable,
            Object value,
            String secondVariable,
            Object secondValue,
            Locale locale) {}

    /**
     * A kept form's CSRF field, as its template writes it: the empty value is the request's token
     * once the HTML is taken ({@link #htmlWithCsrf}). Nothing a member typed can produce it, since
     * text and attribute values always have their quotes escaped.
     */
    static final String EMPTY_CSRF_FIELD = "name=\"_csrf\" value=\"\"";

    /** The request attributes under which Spring Security offers the request's CSRF token. */
    private static final String[] CSRF_ATTRIBUTES = {CsrfToken.class.getName(), "_csrf"};

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

    /** The fragment {@code fragment} of {@code template}, which reads no variable, in the current request's language. */
    public String html(String template, String fragment) {
        return html(new Key(template, fragment, null, null, null, null, LocaleContextHolder.getLocale()));
    }

    /**
     * The fragment {@code fragment} of {@code template}, rendered with {@code value} as the
     * variable {@code variable}, in the current request's language.
     */
    public String html(String template, String fragment, String variable, Object value) {
        return html(new Key(template, fragment, variable, value, null, null, LocaleContextHolder.getLocale()));
    }

    /**
     * Like {@link #html}, with two variables, for a fragment with forms: each form writes its CSRF
     * field as {@code <input type="hidden" name="_csrf" value="">}, and that empty value is filled
     * with the current request's token here, after the kept HTML is taken. A kept render never
     * sees a token (a token is one member's, and kept HTML is everyone's).
     */
    public String htmlWithCsrf(
            String template,
            String fragment,
            String variable,
            Object value,
            String secondVariable,
            Object secondValue) {
        String kept = html(new Key(
                template, fragment, variable, value, secondVariable, secondValue, LocaleContextHolder.getLocale()));
        CsrfToken token = (CsrfToken) request().getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return kept;
        }
        return kept.replace(
                EMPTY_CSRF_FIELD, "name=\"_csrf\" value=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\"");
    }

    private String html(Key key) {
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

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
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
        // context, as a page has.
        // Thymeleaf keeps top-level variables as request attributes, so whatever the page had under
        // those names is put back after.
        String evaluation = ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME;
        Object before = key.variable() == null ? null : request.getAttribute(key.variable());
        Object secondBefore = key.secondVariable() == null ? null : request.getAttribute(key.secondVariable());
        Object pageEvaluation = request.getAttribute(evaluation);
        // Hidden while rendering: a form (th:action) must not write this request's token into HTML
        // that other members are given.
        Object[] csrf = new Object[CSRF_ATTRIBUTES.length];
        for (int i = 0; i < csrf.length; i++) {
            csrf[i] = request.getAttribute(CSRF_ATTRIBUTES[i]);
            request.removeAttribute(CSRF_ATTRIBUTES[i]);
        }
        try {
            WebContext context = new WebContext(application.buildExchange(request, response), key.locale());
            context.setVariable(evaluation, new ThymeleafEvaluationContext(applicationContext, null));
            if (key.variable() != null) {
                context.setVariable(key.variable(), key.value());
            }
            if (key.secondVariable() != null) {
                context.setVariable(key.secondVariable(), key.secondValue());
            }
            return templates.process(key.template(), Set.of(key.fragment()), context);
        } finally {
            if (key.variable() != null) {
                restore(request, key.variable(), before);
            }
            if (key.secondVariable() != null) {
                restore(request, key.secondVariable(), secondBefore);
            }
            restore(request, evaluation, pageEvaluation);
            for (int i = 0; i < csrf.length; i++) {
                restore(request, CSRF_ATTRIBUTES[i], csrf[i]);
            }
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
