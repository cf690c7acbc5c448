package org.cinely.platform.database;

import org.jooq.tools.LoggerListener;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * jOOQ's own execute logging is on by default: a listener that asks the logger whether it
 * debugs, several times for every query, even when it never does (about 1% of a member's home
 * page, which sends a dozen queries; issue 15). It stays on when its logger ({@code
 * org.jooq.tools.LoggerListener}) is set to debug at start-up, so the SQL can still be seen.
 */
@Component
class JooqSettings implements DefaultConfigurationCustomizer {

    @Override
    public void customize(org.jooq.impl.DefaultConfiguration configuration) {
        boolean wanted = LoggerFactory.getLogger(LoggerListener.class).isDebugEnabled();
        configuration.settings().setExecuteLogging(wanted);
    }
}
