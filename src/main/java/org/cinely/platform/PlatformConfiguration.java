package org.cinely.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans. */
@Configuration
class PlatformConfiguration {

    /** The one clock every module reads time from, so tests can reason about expiry. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
