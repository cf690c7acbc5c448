package org.cinely.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cinely.platform.security.RateLimitExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Turns a refused try into HTTP 429 with a Retry-After header and the friendly 429 page. */
@ControllerAdvice
public class RateLimitHandling {

    static final String RETRY_AFTER_MINUTES = "cinely.retryAfterMinutes";
    static final String LIMIT = "cinely.rateLimit";

    @ExceptionHandler(RateLimitExceededException.class)
    void tooManyRequests(RateLimitExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        respond(e, request, response);
    }

    /** Also used by servlet filters (log-in) that sit in front of Spring MVC. */
    public static void respond(RateLimitExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(RETRY_AFTER_MINUTES, e.retryAfterMinutes());
        request.setAttribute(LIMIT, e.limitName());
        response.setHeader(
                "Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }
}
