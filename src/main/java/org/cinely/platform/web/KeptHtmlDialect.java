package org.cinely.platform.web;

import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Offers {@link RenderedFragments} to templates as {@code #kept}: {@code
 * th:with="html=${#kept.html('feed/entries', 'entry', 'e', e)}" th:utext="${html}"}. An expression
 * on a variable compiles to bytecode (spring.thymeleaf.enable-spring-el-compiler); one on a bean
 * ({@code @renderedFragments}) cannot, and was interpreted by reflection, converting each argument,
 * every time a page inserted kept HTML (8% of a warm signed-in home's CPU, issue 15).
 */
@Component
public class KeptHtmlDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "kept";

    // RenderedFragments needs the template engine, which is built with this dialect: taken lazily.
    private final ObjectProvider<RenderedFragments> fragments;
    private volatile RenderedFragments resolved;

    KeptHtmlDialect(ObjectProvider<RenderedFragments> fragments) {
        super("Cinely kept HTML");
        this.fragments = fragments;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? renderedFragments() : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    private RenderedFragments renderedFragments() {
        RenderedFragments kept = resolved;
        if (kept == null) {
            kept = fragments.getObject();
            resolved = kept;
        }
        return kept;
    }
}
