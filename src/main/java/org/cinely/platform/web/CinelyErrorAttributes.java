package org.cinely.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What an error page may show: the status and, for 429, how long to wait. Never the exception,
 * its message, a stack trace or SQL, whatever the request asks for.
 */
@Component
class CinelyErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> full = super.getErrorAttributes(webRequest, ErrorAttributeOptions.defaults());
        Map<String, Object> safe = new LinkedHashMap<>();
        safe.put("timestamp", full.get("timestamp"));
        safe.put("status", full.get("status"));
        safe.put("error", full.get("error"));
        safe.put("path", full.get("path"));
        Object retryAfter =
                webRequest.getAttribute(RateLimitHandling.RETRY_AFTER_MINUTES, RequestAttributes.SCOPE_REQUEST);
        if (retryAfter != null) {
            safe.put("retryAfterMinutes", retryAfter);
            safe.put("rateLimit", webRequest.getAttribute(RateLimitHandling.LIMIT, RequestAttributes.SCOPE_REQUEST));
        }
        return safe;
    }
}
