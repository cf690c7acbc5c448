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
 *
 * <p>And GROUP_CONCAT is sent as it is written: jOOQ would otherwise wrap each such query in
 * statements that raise the session's {@code group_concat_max_len} and set it back, three
 * statements in one, which the driver refuses (no multi-queries). The server's limit is ample
 * for what is concatenated here, a member's crafts (at most 8 slugs, under 250 characters):
 * 1 MB by default on MariaDB, 1,024 bytes on MySQL.
 */
@Component
class JooqSettings implements DefaultConfigurationCustomizer {

    @Override
    public void customize(org.jooq.impl.DefaultConfiguration configuration) {
        boolean wanted = LoggerFactory.getLogger(LoggerListener.class).isDebugEnabled();
        configuration.settings().setExecuteLogging(wanted);
        configuration.settings().setRenderGroupConcatMaxLenSessionVariable(false);
    }
}
