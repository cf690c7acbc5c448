package org.cinely.works;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WorksConfiguration {

    /** Until the connections module provides a ConnectionChecker, nobody counts as connected. */
    @Bean
    @ConditionalOnMissingBean(ConnectionChecker.class)
    ConnectionChecker ownerOnlyConnectionChecker() {
        return (a, b) -> false;
    }
}
