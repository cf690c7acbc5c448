package org.cinely.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A visitor who is not logged in and asks for a page that needs it goes to the log-in page; one
 * who asks for a page that does not exist gets the 404 page, not a log-in form.
 */
class NotFoundOrLoginEntryPoint implements AuthenticationEntryPoint {

    private final RequestMappingHandlerMapping handlers;
    private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

    NotFoundOrLoginEntryPoint(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (!hasHandler(request)) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        login.commence(request, response, e);
    }

    private boolean hasHandler(HttpServletRequest request) {
        try {
            return handlers.getHandler(request) != null;
        } catch (Exception wrongMethodOrMediaType) {
            return true; // the path exists, only not for this method: still a page that needs log-in
        }
    }
}
