package org.cinely.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a module add its part to the one security filter chain (the accounts module adds form
 * log-in, remember-me and the log-in rate limit) without the platform depending on it.
 */
public interface HttpSecurityContributor {

    void contribute(HttpSecurity http) throws Exception;
}
