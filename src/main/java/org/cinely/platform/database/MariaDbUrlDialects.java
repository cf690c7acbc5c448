package org.cinely.platform.database;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * An external MariaDB is reached through MariaDB's own driver ({@code jdbc:mariadb://...}): MySQL's
 * Connector/J reads a MariaDB 10.x server's version as 5.5.5 and then drops the fractional seconds
 * of every timestamp it sends (found by running the tests against Debian's MariaDB 10.11). For
 * such a URL this picks the MariaDB dialects of Hibernate and jOOQ, unless they were set
 * explicitly ({@code CINELY_DB_DIALECT}, {@code CINELY_JOOQ_DIALECT}). {@link DatabaseCheck} then
 * refuses to start on a driver and server that do not fit.
 */
public class MariaDbUrlDialects implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:mariadb:")) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (environment.getProperty("CINELY_DB_DIALECT") == null) {
            properties.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
        }
        if (environment.getProperty("CINELY_JOOQ_DIALECT") == null) {
            properties.put("spring.jooq.sql-dialect", "MARIADB");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("cinelyMariaDbUrlDialects", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
