package org.cinely.platform.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * While the database is away (restarting, failing over, unreachable), every request gets a clear
 * 503 with Retry-After instead of an error page that itself needs the database; when it is back,
 * the pool reconnects and pages work again without restarting the app. Outermost of all filters,
 * so a failure in the session or security filters (which read the database too) is caught as
 * well. A request that failed this way wrote nothing: each write is one transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    static final String RETRY_AFTER_SECONDS = "30";

    private final SpringTemplateEngine templates;

    DatabaseUnavailableFilter(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseFaults.databaseAway(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "Database unavailable, answered 503 to {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    DatabaseFaults.rootMessage(e));
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setHeader("Cache-Control", "no-store");
            String accept = String.valueOf(request.getHeader("Accept"));
            if (accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains(MediaType.TEXT_HTML_VALUE)) {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter()
                        .write("{\"error\":\"unavailable\",\"retryAfterSeconds\":" + RETRY_AFTER_SECONDS + "}");
            } else {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(templates.process("error/unavailable", new Context(request.getLocale())));
            }
        }
    }
}
