package org.cinely.works;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

@Configuration
class WorksConfiguration {

    /**
     * Until the connections module provides a ConnectionChecker bean (which then wins over this
     * fallback), nobody counts as connected: connections-only works are seen by their owner only.
     */
    @Bean
    @Fallback
    ConnectionChecker ownerOnlyConnectionChecker() {
        return (a, b) -> false;
    }
}
