package org.cinely.works;

import org.cinely.platform.MemberId;
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
        return new ConnectionChecker() {
            @Override
            public boolean connected(MemberId a, MemberId b) {
                return false;
            }

            @Override
            public boolean blockedEitherWay(MemberId a, MemberId b) {
                return false;
            }
        };
    }
}
